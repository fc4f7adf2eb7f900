"""Practice sessions: start, next question, answer (202) and get-session.

The product's rules would refuse a load test: one active session per user, 5 (premium 50)
sessions a day, one answer per session question, `questionCount` at most 20. So every request
is given a valid state, prepared outside the timed part:

- start:  a pool of users without an active session, one per request (the daily limit is raised
          with `server_setting`);
- next:   a pool of active 20-question sessions with one question served, used round robin so
          that concurrent requests never wait on the same session's row lock (19 nexts each);
- answer: a pool of active sessions with all 20 questions served and none answered, one
          unanswered question per request, round robin over the sessions for the same reason;
- get:    completed 20-question sessions with every answer analysed and the report built (the
          heaviest page a user can open).

The seeder sizes the pools for the default budget (200 requests and the warm-up, at each of the
two levels). Beyond that (`--requests 1000`), a used-up session or user is renewed through the
API between requests, outside the timing: abandon (`PATCH {status: abandoned}`), start again.

The pools' users are many, so their requests carry the access token minted at seeding instead
of logging each one in first (an Argon2 verification per user on the same two cores). Each
scenario starts once the Celery worker (running when a selected scenario needs one) has taken
the analyses earlier scenarios queued, so a row does not pay for that backlog's CPU.

The `analyze` seeder, last, runs ANALYZE: with autovacuum off, bulk-loaded tables (the analytics
volume) would otherwise keep no planner statistics, a state no production database is in.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

from bench.context import Context
from bench.registry import Request, scenario, seeder, server_setting
from bench.scenarios._helpers import (
    ANALYSIS_TARGET_MS,
    SESSION_TARGET_MS,
    has_keys,
    needs_fixture,
)
from bench.scenarios.analysis import (
    ANSWER_ENDPOINT,
    LANGUAGES,
    drain_analysis_queue,
    is_pending,
    next_variant,
    practice_answer,
)

SESSIONS = "/api/sessions"
SESSION = "/api/sessions/{id}"
NEXT = "/api/sessions/{id}/next"
QUESTIONS_PER_SESSION = 20  # the product's maximum questionCount
DIFFICULTIES = ("easy", "medium", "hard")
EMAIL = "bench.session.{pool}{n:04d}@example.com"

# The limit would answer 429 after 5 sessions a day per user (50 for premium); users of the
# pools start a handful each per run, and more with --keep-db on the same day.
server_setting("SESSIONS_PER_DAY_FREE", "100000")
server_setting("SESSIONS_PER_DAY_PREMIUM", "100000")


def _auth(entry: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {entry['accessToken']}"}


def _start_body(category: str, difficulty: str, language: str) -> dict[str, Any]:
    return {
        "category": category,
        "difficulty": difficulty,
        "language": language,
        "questionCount": QUESTIONS_PER_SESSION,
    }


# --- seeding -----------------------------------------------------------------------------------


def _pool_sizes(quick: bool) -> dict[str, int]:
    """Enough for the default budget: (requests + warm-up) x 2 levels = 420 full, 46 quick."""
    if quick:
        return {"start": 60, "next": 6, "answer": 6, "get": 3}
    return {"start": 480, "next": 30, "answer": 30, "get": 10}


@seeder("sessions", order=40)
def seed_sessions(fixtures: dict[str, Any], *, quick: bool) -> dict[str, Any]:
    import logging

    # The pipeline logs a line per analysis; the seeding step's output is for its summary.
    logging.disable(logging.INFO)
    try:
        return _seed_sessions(quick=quick)
    finally:
        logging.disable(logging.NOTSET)


def _seed_sessions(*, quick: bool) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from accounts.models import default_preferences
    from accounts.tokens import token_pair_for
    from analysis.services.run import analysis_run
    from core.choices import BANK_CATEGORIES
    from sessions_app.flows import AnswerIn, answer_store
    from sessions_app.models import InterviewSession, SessionStatus
    from sessions_app.services import session_complete, session_next, session_start

    from .auth import PASSWORD

    user_model = get_user_model()
    sizes = _pool_sizes(quick)
    categories = [c.value for c in BANK_CATEGORIES]
    password = make_password(PASSWORD)  # one Argon2 hash for all: hundreds would take minutes

    def users(pool: str, count: int) -> list[Any]:
        emails = [EMAIL.format(pool=pool, n=n) for n in range(count)]
        existing = {u.email: u for u in user_model.objects.filter(email__in=emails)}
        missing = [
            user_model(
                email=email,
                name=f"Bench {pool.title()} {n}",
                password=password,
                preferences={**default_preferences(), "language": LANGUAGES[n % 2]},
            )
            for n, email in enumerate(emails)
            if email not in existing
        ]
        user_model.objects.bulk_create(missing)
        existing.update({u.email: u for u in missing})
        return [existing[email] for email in emails]

    def token(user) -> str:
        return token_pair_for(user).access

    # A rerun on the same database (--keep-db): the previous run's sessions are not reusable.
    renewed = InterviewSession.objects.filter(
        user__email__startswith="bench.session.", status=SessionStatus.ACTIVE
    ).update(status=SessionStatus.ABANDONED)
    metadata = {"user_agent": "bench", "platform": "bench", "session_source": "bench-seed"}

    def start(user, n: int, category: str) -> Any:
        return session_start(
            user=user,
            category=category,
            difficulty=DIFFICULTIES[n % 3],
            language=LANGUAGES[n % 2],
            question_count=QUESTIONS_PER_SESSION,
            metadata=metadata,
        )

    def entry(user, session, **extra) -> dict[str, Any]:
        return {
            "email": user.email,
            "accessToken": token(user),
            "sessionId": str(session.pk),
            "category": session.category,
            "difficulty": session.difficulty,
            "language": session.language,
            **extra,
        }

    start_users = [
        {"email": u.email, "accessToken": token(u)} for u in users("start", sizes["start"])
    ]

    next_pool = []
    for n, user in enumerate(users("next", sizes["next"])):
        session = start(user, n, categories[n % len(categories)])
        next_pool.append(entry(user, session, served=1))

    # The answers are about software engineering, so are these sessions' questions.
    answer_pool = []
    for n, user in enumerate(users("answer", sizes["answer"])):
        session = start(user, n, "software_engineering")
        served = [str(session.session_questions.get().pk)]
        served += [
            str(session_next(user=user, session_id=session.pk).pk)
            for _ in range(QUESTIONS_PER_SESSION - 1)
        ]
        answer_pool.append(entry(user, session, served=len(served), unanswered=served))

    get_pool = []
    analysed = 0
    for n, user in enumerate(users("get", sizes["get"])):
        session = start(user, n, "software_engineering")
        served = [session.session_questions.get()]
        served += [
            session_next(user=user, session_id=session.pk) for _ in range(QUESTIONS_PER_SESSION - 1)
        ]
        for k, session_question in enumerate(served):
            item = AnswerIn(
                answer=practice_answer(session.language, 500_000 + n * 100 + k),
                session_id=session.pk,
                session_question_id=session_question.pk,
            )
            result = answer_store(user=user, item=item)
            # Run here rather than by a worker (its queued task will find it done and skip).
            analysis_run(analysis_id=result.pk)
            analysed += 1
        try:
            session_complete(user=user, session_id=session.pk)
        except Exception as exc:  # e.g. the analytics refresh it triggers is broken right now
            print(f"  (completing session {session.pk}: {type(exc).__name__}: {exc})")
        get_pool.append(entry(user, session))
    completed = InterviewSession.objects.filter(
        pk__in=[e["sessionId"] for e in get_pool], status=SessionStatus.COMPLETED
    ).count()
    print(
        f"sessions: {len(start_users)} users to start, {len(next_pool)} sessions for next, "
        f"{len(answer_pool)} x {QUESTIONS_PER_SESSION} questions to answer, {len(get_pool)} "
        f"sessions to read ({completed} completed, {analysed} analyses); {renewed} active "
        "sessions of a previous run abandoned"
    )
    return {
        "sessionCategories": categories,
        "sessionStartUsers": start_users,
        "sessionNextPool": next_pool,
        "sessionAnswerPool": answer_pool,
        "sessionGetPool": get_pool,
    }


@seeder("analyze", order=1000)
def analyze_tables(fixtures: dict[str, Any], *, quick: bool) -> None:
    """Planner statistics for what the seeders wrote, as production's autovacuum would keep them.

    With autovacuum off (as on the bench machine's PostgreSQL) a table bulk-loaded by a seeder is
    never analysed, and the planner's default guesses can pick a plan no production database
    would run: the answer endpoint's reuse look-up (fingerprint + status) then scanned the status
    index over ~1M analyses, ~130 ms a request instead of under 1 ms."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        autovacuum = cursor.fetchone()[0]
        cursor.execute("ANALYZE")
    print(f"ANALYZE: done (autovacuum is {autovacuum} on this server)")


# --- the driver's side: who sends what ---------------------------------------------------------


class _Counter:
    """A request number unique over the whole run (the driver's index restarts at each level)."""

    def __init__(self) -> None:
        self._count = itertools.count()
        self._lock = threading.Lock()

    def __call__(self) -> int:
        with self._lock:
            return next(self._count)


class _Slot:
    """One pooled session, renewed through the API (untimed) when it has nothing left to give."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = dict(data)
        self.unanswered = list(data.get("unanswered", []))
        self.lock = threading.Lock()

    @property
    def session_id(self) -> str:
        return self.data["sessionId"]

    def restart(self, ctx: Context) -> None:
        token = self.data["accessToken"]
        ctx.call(
            "PATCH",
            ctx.api_path(f"{SESSIONS}/{self.session_id}"),
            {"status": "abandoned"},
            token=token,
        )
        body = _start_body(self.data["category"], self.data["difficulty"], self.data["language"])
        started = ctx.call("POST", ctx.api_path(SESSIONS), body, token=token)
        if started.status != 201:
            # Left as it is: the measured request then fails with the server's own reason.
            ctx.notes.append(f"renewing a pooled session failed: {started.status}")
            return
        session = started.json()
        self.data["sessionId"] = session["id"]
        self.data["served"] = len(session["questions"])
        self.unanswered = [q["id"] for q in session["questions"] if not q.get("answeredAt")]

    def take_next(self, ctx: Context) -> str:
        """The session id for one more `next` (19 per session)."""
        with self.lock:
            if self.data["served"] >= QUESTIONS_PER_SESSION:
                self.restart(ctx)
            self.data["served"] += 1
            return self.session_id

    def take_unanswered(self, ctx: Context) -> str:
        """A served, unanswered session question: from the pool, else served now (untimed)."""
        with self.lock:
            if not self.unanswered:
                if self.data["served"] >= QUESTIONS_PER_SESSION:
                    self.restart(ctx)
                else:
                    served = ctx.call(
                        "POST",
                        ctx.api_path(f"{SESSIONS}/{self.session_id}/next"),
                        token=self.data["accessToken"],
                    )
                    if served.status == 201:
                        self.data["served"] += 1
                        self.unanswered.append(served.json()["id"])
            return (
                self.unanswered.pop(0)
                if self.unanswered
                else "00000000-0000-0000-0000-000000000000"
            )


class _Pool:
    def __init__(self, key: str) -> None:
        self.key = key
        self.count = _Counter()
        self._slots: list[_Slot] | None = None
        self._lock = threading.Lock()

    def slot(self, ctx: Context, n: int) -> _Slot:
        with self._lock:
            if self._slots is None:
                self._slots = [_Slot(data) for data in ctx.fixtures[self.key]]
        return self._slots[n % len(self._slots)]


_start_count = _Counter()
_next_pool = _Pool("sessionNextPool")
_answer_pool = _Pool("sessionAnswerPool")


def _abandon_active(ctx: Context, user: dict[str, Any]) -> None:
    token = user["accessToken"]
    listed = ctx.call("GET", ctx.api_path(f"{SESSIONS}?status=active"), token=token)
    page = listed.json() if listed.status == 200 else {}
    for session in page.get("results", []):
        path = ctx.api_path(f"{SESSIONS}/{session['id']}")
        ctx.call("PATCH", path, {"status": "abandoned"}, token=token)


def _start(ctx: Context, index: int) -> Request:
    n = _start_count()
    users = ctx.fixtures["sessionStartUsers"]
    user = users[n % len(users)]
    if n >= len(users):  # every user has been used once: free this one again, untimed
        _abandon_active(ctx, user)
    categories = ctx.fixtures["sessionCategories"]
    body = _start_body(categories[n % len(categories)], DIFFICULTIES[n % 3], LANGUAGES[n % 2])
    return Request("POST", ctx.api_path(SESSIONS), body, _auth(user))


def _next(ctx: Context, index: int) -> Request:
    slot = _next_pool.slot(ctx, _next_pool.count())
    session_id = slot.take_next(ctx)
    return Request("POST", ctx.api_path(f"{SESSIONS}/{session_id}/next"), None, _auth(slot.data))


def _answer(ctx: Context, index: int) -> Request:
    slot = _answer_pool.slot(ctx, _answer_pool.count())
    session_question_id = slot.take_unanswered(ctx)
    body = {
        "sessionId": slot.session_id,
        "sessionQuestionId": session_question_id,
        "answer": practice_answer(slot.data["language"], next_variant()),
    }
    return Request("POST", ctx.api_path(ANSWER_ENDPOINT), body, _auth(slot.data))


def _get(ctx: Context, index: int) -> Request:
    pool = ctx.fixtures["sessionGetPool"]
    entry = pool[index % len(pool)]
    return Request("GET", ctx.api_path(f"{SESSIONS}/{entry['sessionId']}"), None, _auth(entry))


def _has_questions(count: int):
    keys = has_keys("id", "questions", "results", "currentQuestion", "expiresAt")

    def check(status: int, body: Any) -> str | None:
        problem = keys(status, body)
        if problem is None and len(body["questions"]) < count:
            return f"{len(body['questions'])} questions, expected {count}"
        return problem

    return check


def _ready(key: str, what: str, name: str):
    """The pool is seeded, and the worker (when there is one) is not still analysing answers an
    earlier scenario queued: each row measures its own requests, not that backlog's CPU."""
    seeded = needs_fixture(key, what)

    def check(ctx: Context) -> str | None:
        reason = seeded(ctx)
        if reason is None:
            drain_analysis_queue(ctx, name)
        return reason

    return check


scenario(
    name="sessions.start",
    group="sessions",
    method="POST",
    endpoint=SESSIONS,
    build=_start,
    expect=(201,),
    check=_has_questions(1),
    requires=_ready("sessionStartUsers", "users to start sessions", "sessions.start"),
    concurrency=(8,),
    target_ms=SESSION_TARGET_MS,
    description="questionCount 20, ko/en, categories rotated; a fresh user each (first question)",
)

scenario(
    name="sessions.next",
    group="sessions",
    method="POST",
    endpoint=NEXT,
    build=_next,
    expect=(201,),
    check=has_keys("id", "order", "question"),
    requires=_ready("sessionNextPool", "sessions to serve questions from", "sessions.next"),
    concurrency=(8,),
    target_ms=SESSION_TARGET_MS,
    description="adaptive selector, orders 2-20 over a pool of active sessions",
)

scenario(
    name="sessions.answer",
    group="sessions",
    method="POST",
    endpoint=ANSWER_ENDPOINT,
    build=_answer,
    expect=(202,),
    check=is_pending,
    requires=_ready("sessionAnswerPool", "sessions with questions to answer", "sessions.answer"),
    concurrency=(8,),
    target_ms=ANALYSIS_TARGET_MS,
    description="sessionId + sessionQuestionId, 600-1500 char answer: stored + queued, 202",
)

scenario(
    name="sessions.get",
    group="sessions",
    method="GET",
    endpoint=SESSION,
    build=_get,
    check=_has_questions(QUESTIONS_PER_SESSION),
    requires=_ready("sessionGetPool", "completed sessions", "sessions.get"),
    concurrency=(8,),
    description="a completed 20-question session: questions, 20 analyses, report",
)
