"""Django's request handlers with one change: only a request that may write is wrapped in a
transaction (ATOMIC_REQUESTS).

A safe method (GET, HEAD, OPTIONS) writes nothing of its own, so a transaction around it only
costs two round trips to PostgreSQL (BEGIN, COMMIT) and holds a snapshot for the whole view: the
question list spent as long on those as on its query. A read that writes on the way (a lazily
expired session, a claimed feedback generation) does so through a service that opens its own
short transaction, as every service does. Unsafe methods keep the request-wide transaction, and
the API's error handler still rolls back what they wrote before an error answer.

`interview_platform/wsgi.py` and `asgi.py` serve through these handlers; the test client is
given the same rule in the root conftest.py, so tests see what production does.
"""

from __future__ import annotations

import functools

from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIHandler

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def make_view_atomic(handler: BaseHandler, view):
    """`BaseHandler.make_view_atomic`, applied to unsafe methods only."""
    atomic_view = BaseHandler.make_view_atomic(handler, view)
    if atomic_view is view:  # ATOMIC_REQUESTS off, or the view is non_atomic_requests
        return view

    @functools.wraps(view)
    def dispatch(request, *args, **kwargs):
        if request.method in SAFE_METHODS:
            return view(request, *args, **kwargs)
        return atomic_view(request, *args, **kwargs)

    return dispatch


class ApiWSGIHandler(WSGIHandler):
    make_view_atomic = make_view_atomic


class ApiASGIHandler(ASGIHandler):
    make_view_atomic = make_view_atomic
