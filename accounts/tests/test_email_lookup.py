"""Sign-in finds the user through the case-insensitive unique index on the email, on any number
of users (a lookup no index serves reads the whole user table at every sign-in)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from accounts.selectors import user_get_for_login, users_with_email
from accounts.tests.factories import UserFactory
from sessions_app.filters import SessionFilter
from sessions_app.models import InterviewSession
from sessions_app.tests.factories import InterviewSessionFactory

pytestmark = pytest.mark.django_db


def _plan(queryset) -> str:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A test table is small enough for a sequential scan to win whatever the indexes;
            # with scans priced out, the plan shows whether an index can serve the lookup.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
        return queryset.explain()


def test_the_login_lookup_is_served_by_the_case_insensitive_email_index():
    UserFactory(email="kim.minjun@example.com")
    assert "user_email_ci_unique" in _plan(users_with_email("Kim.MinJun@Example.com"))


def test_the_login_lookup_ignores_case_and_surrounding_spaces():
    user = UserFactory(email="kim.minjun@example.com")
    UserFactory(email="kim.minjun@example.org")
    assert user_get_for_login(email="  KIM.minjun@EXAMPLE.com ") == user
    assert user_get_for_login(email="kim.minjun@example.net") is None


def test_staff_filter_sessions_by_a_users_email_in_any_case():
    mine = InterviewSessionFactory(user=UserFactory(email="lee.seoyeon@example.com"))
    InterviewSessionFactory(user=UserFactory(email="park.jiho@example.com"))
    filtered = SessionFilter(
        {"user": "Lee.Seoyeon@example.com"}, queryset=InterviewSession.objects.all()
    ).qs
    assert list(filtered) == [mine]
