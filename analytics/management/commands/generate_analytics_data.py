"""Volume data for the analytics benchmark: users, sessions, answers and analyses, then rollups.

    manage.py generate_analytics_data                      # 10,000 users, 200,000 sessions,
                                                           # 1,000,000 analysis results
    manage.py generate_analytics_data --scale 0.01         # 100 / 2,000 / 10,000
    manage.py generate_analytics_data --heavy-sessions 500 # the heavy user (always generated)

Rows are written with bulk_create in batches; timestamps are spread over `--days` days up to
now (auto_now fields are switched off while generating so they keep those values). Scores follow
each user's level plus a slow improvement and noise, so trends, percentiles and histograms have
something to show. Everything hangs off users whose emails end in `@gen.example.com` (the heavy
user is `--heavy-email`); the command does nothing when the heavy user already has its sessions,
so a benchmark run with a kept database does not generate twice.
"""

from __future__ import annotations

import math
import random
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from analysis.models import AnalysisResult, AnalysisStatus
from analytics.services import user_analytics_rollup_range
from core.choices import BANK_CATEGORIES, Difficulty, QuestionType
from questions.models import Question
from sessions_app.models import InterviewSession, SessionQuestion, SessionStatus

HEAVY_EMAIL = "analytics.heavy@example.com"
DOMAIN = "gen.example.com"
DEFAULT_PASSWORD = "Generated-Analytics-Data-2024!"  # noqa: S105 (throwaway data)

ANSWERS = {
    "ko": "지난 분기 결제 서비스의 응답 지연 문제를 맡아 원인을 분석하고 캐시를 도입해 지연 시간을 "
    "40% 줄였습니다. 팀과 매주 지표를 공유했습니다.",
    "en": "Last quarter I owned the latency problem in our payment service: I profiled it, added "
    "a cache and cut p95 latency by 40%, sharing the numbers with the team every week.",
}
STRENGTHS = {
    "ko": ['결과를 수치로 보여 주셨습니다("40% 줄였습니다").', "본인이 한 행동이 분명합니다."],
    "en": ['You quantified the outcome ("cut p95 latency by 40%").', "Your own actions are clear."],
}
IMPROVEMENTS = {
    "ko": [
        '결과 "지표를 공유했습니다"에 수치가 없습니다. 얼마나 달라졌는지 밝혀 주세요.',
        "빠진 부분: 상황 — 언제, 어느 팀에서 있었던 일인지 먼저 말씀해 주세요.",
        "팀의 성과와 본인의 기여를 나눠 말씀해 주세요.",
    ],
    "en": [
        'Your result "shared the numbers" has no figure: say how much, how many or how fast.',
        "Missing: the situation. Say when and in which team this happened first.",
        "Separate what the team achieved from what you did yourself.",
    ],
}
MODELS = ("gpt-4o-2024-08-06", "offline-rubric-v3")


@contextmanager
def _timestamps_as_given():
    """Lets bulk_create keep the generated created_at/updated_at values."""
    fields = [
        field
        for model in (User, InterviewSession, SessionQuestion, AnalysisResult)
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class Command(BaseCommand):
    help = "Fill the database with analytics volume data (see the module docstring)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=10_000)
        parser.add_argument("--sessions", type=int, default=200_000)
        parser.add_argument("--results", type=int, default=1_000_000)
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Multiplies users, sessions and results."
        )
        parser.add_argument("--heavy-sessions", type=int, default=500)
        parser.add_argument("--heavy-email", default=HEAVY_EMAIL)
        parser.add_argument("--password", default=DEFAULT_PASSWORD)
        parser.add_argument("--days", type=int, default=365)
        parser.add_argument("--batch-size", type=int, default=2_000, help="Sessions per batch.")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--skip-rollups", action="store_true")

    def handle(self, *args, **options):
        scale = options["scale"]
        if scale <= 0:
            raise CommandError("--scale must be positive")
        users = max(int(options["users"] * scale), 2)
        sessions = max(int(options["sessions"] * scale), options["heavy_sessions"] + users - 1)
        per_session = max(1, min(20, round(options["results"] * scale / max(sessions, 1))))
        heavy = User.objects.filter(email=options["heavy_email"]).first()
        if heavy is not None and (
            InterviewSession.objects.filter(user=heavy).count() >= options["heavy_sessions"]
        ):
            self.stdout.write(f"already generated: {heavy.email} has its sessions; nothing to do")
            return
        self.rng = random.Random(options["seed"])
        self.now = timezone.now().replace(microsecond=0)
        self.days = options["days"]
        started = time.perf_counter()
        questions = self._questions()
        people = self._users(users, options["heavy_email"], options["password"])
        plan = self._plan(people, sessions, options["heavy_sessions"])
        self.stdout.write(
            f"generating {len(people)} users, {len(plan)} sessions x {per_session} answers "
            f"(~{len(plan) * per_session} analysis results)"
        )
        batch = options["batch_size"]
        written = 0
        with _timestamps_as_given():
            for start in range(0, len(plan), batch):
                written += self._sessions(plan[start : start + batch], questions, per_session)
                done = min(start + batch, len(plan))
                if done % (batch * 10) == 0 or done == len(plan):
                    self.stdout.write(
                        f"  {done} sessions, {written} results "
                        f"({time.perf_counter() - started:.0f} s)"
                    )
        if connection.vendor == "postgresql":
            # Fresh planner statistics: right after a bulk load the planner still believes the
            # tables are tiny and picks nested loops that take seconds instead of milliseconds.
            with connection.cursor() as cursor:
                for model in (User, InterviewSession, SessionQuestion, AnalysisResult, Question):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        if not options["skip_rollups"]:
            step = time.perf_counter()
            first = (self.now - timedelta(days=self.days)).date()
            rows = user_analytics_rollup_range(first=first, last=self.now.date())
            self.stdout.write(f"rollups: {rows} rows in {time.perf_counter() - step:.0f} s")
        self.stdout.write(f"done in {time.perf_counter() - started:.0f} s")

    # --- the pieces -----------------------------------------------------------------------

    def _questions(self) -> dict[tuple[str, str], list[tuple]]:
        """Ten questions per category, difficulty and type (a fixed generated set)."""
        wanted = []
        for category in BANK_CATEGORIES:
            for difficulty in Difficulty.values:
                for qtype in QuestionType.values:
                    for n in range(10):
                        language = "ko" if n % 2 == 0 else "en"
                        wanted.append(
                            Question(
                                key=f"gen-{category}-{difficulty}-{qtype}-{n}",
                                category=category,
                                difficulty=difficulty,
                                type=qtype,
                                language=language,
                                source="admin",
                                question=f"[{category}/{difficulty}/{qtype}] question {n}",
                            )
                        )
        Question.objects.bulk_create(wanted, ignore_conflicts=True, batch_size=1000)
        pool: dict[tuple[str, str], list[tuple]] = {}
        for pk, category, difficulty, language in Question.objects.filter(
            key__startswith="gen-"
        ).values_list("pk", "category", "difficulty", "language"):
            pool.setdefault((category, difficulty), []).append((pk, language))
        return pool

    def _users(self, count: int, heavy_email: str, password: str) -> list[dict]:
        hashed = make_password(password)
        rng = self.rng
        existing = set(
            User.objects.filter(email__endswith=f"@{DOMAIN}").values_list("email", flat=True)
        )
        new = []
        people = []
        for n in range(count):
            email = heavy_email if n == 0 else f"gen.user{n:05d}@{DOMAIN}"
            category = "software_engineering" if n == 0 else rng.choice(BANK_CATEGORIES).value
            language = "ko" if n == 0 or rng.random() < 0.6 else "en"
            joined = self.now - timedelta(days=self.days, hours=rng.randint(0, 240))
            people.append(
                {
                    "email": email,
                    "category": category,
                    "language": language,
                    "level": 62 if n == 0 else rng.gauss(60, 11),
                    "gain": 12 if n == 0 else rng.uniform(-4, 14),
                }
            )
            if email in existing or (n == 0 and User.objects.filter(email=email).exists()):
                continue
            new.append(
                User(
                    email=email,
                    name="Heavy Analytics User" if n == 0 else f"Generated User {n}",
                    password=hashed,
                    preferences={
                        "job_category": category,
                        "difficulty": "medium",
                        "notifications": False,
                        "language": language,
                    },
                    created_at=joined,
                    updated_at=joined,
                )
            )
        with _timestamps_as_given():
            User.objects.bulk_create(new, batch_size=2000)
        ids = dict(
            User.objects.filter(email__in=[p["email"] for p in people]).values_list("email", "pk")
        )
        for person in people:
            person["id"] = ids[person["email"]]
        return people

    def _plan(self, people: list[dict], sessions: int, heavy_sessions: int) -> list[tuple]:
        """(person, start time) per session, oldest first for each user."""
        rng = self.rng
        span = self.days * 86400
        plan = [(people[0], rng.randint(0, span)) for _ in range(heavy_sessions)]
        others = people[1:]
        # A skewed spread: a few very active users, many occasional ones.
        weights = [rng.paretovariate(1.5) for _ in others]
        rest = max(sessions - heavy_sessions, 0)
        for person in rng.choices(others, weights=weights, k=rest):
            plan.append((person, rng.randint(0, span)))
        plan.sort(key=lambda item: item[1])
        start = self.now - timedelta(seconds=span + 7200)
        return [(person, start + timedelta(seconds=offset)) for person, offset in plan]

    def _score(self, person: dict, when) -> int:
        progress = 1 - (self.now - when).total_seconds() / (self.days * 86400)
        mean = person["level"] + person["gain"] * progress
        return max(0, min(100, round(self.rng.gauss(mean, 9))))

    def _sessions(self, plan: list[tuple], questions: dict, per_session: int) -> int:
        rng = self.rng
        sessions, slots, results = [], [], []
        for person, created in plan:
            category = (
                person["category"] if rng.random() < 0.75 else rng.choice(BANK_CATEGORIES).value
            )
            difficulty = rng.choice(Difficulty.values)
            status = SessionStatus.COMPLETED if rng.random() < 0.88 else SessionStatus.ABANDONED
            answered = (
                per_session if status == SessionStatus.COMPLETED else rng.randint(1, per_session)
            )
            session_id = uuid.uuid4()
            pool = questions[(category, difficulty)]
            picked = rng.sample(pool, k=min(per_session, len(pool)))
            clock = created
            scores = []
            for order, (question_id, language) in enumerate(picked[:answered], 1):
                started = clock + timedelta(seconds=rng.randint(5, 40))
                spent = rng.randint(45, 300)
                clock = started + timedelta(seconds=spent)
                slot_id = uuid.uuid4()
                slots.append(
                    SessionQuestion(
                        id=slot_id,
                        session_id=session_id,
                        question_id=question_id,
                        order=order,
                        started_at=started,
                        answered_at=clock,
                        answer=ANSWERS[language],
                        time_spent=spent,
                    )
                )
                results.append(
                    self._result(person, session_id, slot_id, question_id, language, clock)
                )
                if results[-1].total_score is not None:
                    scores.append(results[-1].total_score)
            duration = int((clock - created).total_seconds()) + rng.randint(10, 60)
            completed = status == SessionStatus.COMPLETED
            sessions.append(
                InterviewSession(
                    id=session_id,
                    user_id=person["id"],
                    category=category,
                    difficulty=difficulty,
                    language=person["language"],
                    question_count=per_session,
                    status=status,
                    total_score=round(sum(scores) / len(scores)) if completed and scores else None,
                    duration=duration if completed else 0,
                    metadata={
                        "user_agent": "generator",
                        "platform": "bench",
                        "session_source": "generated",
                    },
                    created_at=created,
                    expires_at=created + timedelta(hours=2),
                    completed_at=created + timedelta(seconds=duration) if completed else None,
                )
            )
        with transaction.atomic():
            InterviewSession.objects.bulk_create(sessions, batch_size=2000)
            SessionQuestion.objects.bulk_create(slots, batch_size=5000)
            AnalysisResult.objects.bulk_create(results, batch_size=5000)
        return len(results)

    def _result(self, person, session_id, slot_id, question_id, language, when) -> AnalysisResult:
        rng = self.rng
        roll = rng.random()
        latency = int(min(math.exp(rng.gauss(6.9, 0.45)), 20_000))  # median ~1 s
        base = {
            "user_id": person["id"],
            "session_id": session_id,
            "session_question_id": slot_id,
            "question_id": question_id,
            "user_answer": ANSWERS[language],
            "language": language,
            "created_at": when,
            "updated_at": when + timedelta(milliseconds=latency),
            "attempts": 1,
        }
        if roll < 0.01:
            return AnalysisResult(
                **base, status=AnalysisStatus.FAILED, failure_reason="provider timeout"
            )
        total = self._score(person, when)
        parts = [total // 4 + (1 if i < total % 4 else 0) for i in range(4)]
        shift = rng.randint(-3, 3)
        if 0 <= parts[0] + shift <= 25 and 0 <= parts[2] - shift <= 25:
            parts[0] += shift
            parts[2] -= shift
        preliminary = roll < 0.03
        ai = {
            "model": MODELS[1] if preliminary else MODELS[0],
            "confidence": round(rng.uniform(0.6, 0.95), 2),
            "processingTime": latency,
            "promptVersion": "analysis-v3",
        }
        if preliminary:
            ai["fallbackReason"] = "openai: timeout"
        return AnalysisResult(
            **base,
            status=AnalysisStatus.COMPLETED,
            understanding=parts[0],
            logic=parts[1],
            specificity=parts[2],
            job_fit=parts[3],
            total_score=total,
            strengths=rng.sample(STRENGTHS[language], k=1),
            improvements=rng.sample(IMPROVEMENTS[language], k=2),
            detailed_feedback={"grammar": "", "structure": "", "content": "", "suggestions": []},
            ai_analysis=ai,
            ideal_answer="",
            preliminary=preliminary,
            completed_at=when + timedelta(milliseconds=latency),
        )
