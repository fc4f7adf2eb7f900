"""The question bank: seeded with `manage.py seed_questions`, read through the API."""

from __future__ import annotations

import io
from typing import Any

from bench.context import Context
from bench.registry import scenario, seeder
from bench.scenarios._helpers import QUESTIONS_TARGET_MS, has_keys, is_list, needs_fixture


@seeder("questions", order=20)
def seed_questions(fixtures: dict[str, Any], *, quick: bool) -> dict[str, Any]:
    from django.core.management import call_command, get_commands

    from questions.models import Question

    if "seed_questions" in get_commands():
        out = io.StringIO()
        call_command("seed_questions", stdout=out)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        print(f"seed_questions: {lines[-1] if lines else 'done'}")
    else:
        print("seed_questions: command not available yet; the question bank is not seeded")
    active = Question.objects.filter(is_active=True)
    ids = [str(pk) for pk in active.order_by("key", "id").values_list("id", flat=True)[:200]]
    print(f"questions: {active.count()} active")
    return {"questions": ids}


def _detail_path(ctx: Context, index: int) -> str:
    ids = ctx.fixtures["questions"]
    return ctx.api_path(f"/api/questions/{ids[index % len(ids)]}")


LIST_QUERY = "category=software_engineering&difficulty=medium&language=ko"

scenario(
    name="questions.list",
    group="questions",
    endpoint="/api/questions",
    path=lambda ctx, i: ctx.api_path(f"/api/questions?{LIST_QUERY}"),
    auth=True,
    check=has_keys("count", "results"),
    concurrency=(8,),
    target_ms=QUESTIONS_TARGET_MS,
    # Its p95 is read against ping's (issue 16: at most 4x), so both are measured together.
    paired_with_baseline=True,
    description=f"filtered list ({LIST_QUERY})",
)

scenario(
    name="questions.detail",
    group="questions",
    endpoint="/api/questions/{id}",
    path=_detail_path,
    auth=True,
    check=has_keys("id", "question"),
    requires=needs_fixture("questions", "questions (run seed_questions)"),
    concurrency=(8,),
    target_ms=QUESTIONS_TARGET_MS,
    description="one seeded question, rotating over the bank",
)

scenario(
    name="questions.categories",
    group="questions",
    endpoint="/api/questions/categories",
    path=lambda ctx, i: ctx.api_path("/api/questions/categories"),
    auth=True,
    check=is_list,
    concurrency=(8,),
    target_ms=QUESTIONS_TARGET_MS,
    description="localized categories with active question counts",
)
