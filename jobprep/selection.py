"""Choosing a job practice session's questions: bank questions by relevance to the confirmed
requirements (greedy, so the set covers as many requirements as it can), and questions about the
résumé's projects (offline: templates; OpenAI: generated, the template on failure)."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from accounts.models import User
from analysis.ai.base import AIServiceError
from analysis.ai.registry import get_ai_service, resolve_provider_name
from core.choices import DIFFICULTY_ORDER, QuestionSource, QuestionType
from interview_platform.api.errors import ApplicationError
from questions.models import Question
from questions.selectors import visible_to

from .models import JobProfile

logger = logging.getLogger("jobprep")

RESUME_QUESTIONS = 2

RESUME_TEMPLATES = {
    "en": 'Your résumé mentions "{title}". What was your own part in it, which decision was '
    "the hardest, and how did it turn out?",
    "ko": '이력서에 "{title}" 경험이 있는데요, 그 프로젝트에서 직접 맡으신 역할과 가장 어려웠던 '
    "결정, 그리고 결과를 말씀해 주시겠어요?",
}


def _haystack(question: Question) -> str:
    return " ".join(
        [question.question, *(question.tags or []), *(question.expected_keywords or [])]
    ).lower()


def requirement_hits(question: Question, requirements: list[dict]) -> dict[str, int]:
    """For each requirement the question touches: how many of its keywords it names."""
    text = _haystack(question)
    hits = {}
    for requirement in requirements:
        count = sum(1 for k in requirement.get("keywords", []) if k and k.lower() in text)
        if count:
            hits[requirement["id"]] = count
    return hits


def bank_questions_rank(
    *, user: User, profile: JobProfile, requirements: list[dict], count: int
) -> list[Question]:
    """Up to `count` bank questions: each pick covers the most requirements not covered yet,
    then the most keyword hits, then the nearest difficulty."""
    candidates = list(
        Question.objects.filter(
            visible_to(user),
            category=profile.category,
            language=profile.language,
            is_active=True,
        ).order_by("key", "id")
    )
    wanted = DIFFICULTY_ORDER.index(profile.difficulty)
    scored = [(q, requirement_hits(q, requirements)) for q in candidates]
    chosen: list[Question] = []
    covered: set[str] = set()
    while scored and len(chosen) < count:
        best = min(
            scored,
            key=lambda item, covered=frozenset(covered): (
                -len(set(item[1]) - covered),
                -sum(item[1].values()),
                abs(DIFFICULTY_ORDER.index(item[0].difficulty) - wanted),
            ),
        )
        scored.remove(best)
        chosen.append(best[0])
        covered |= set(best[1])
    return chosen


def _resume_question_text(profile: JobProfile, project: dict, previous: list[str]) -> str:
    template = RESUME_TEMPLATES["ko" if profile.language == "ko" else "en"]
    fallback = template.format(title=project["title"].replace('"', "'"))
    if resolve_provider_name() != "openai":
        return fallback
    try:
        generated = get_ai_service().generate_question(
            profile.category,
            profile.difficulty,
            previous,
            language=profile.language,
            question_type=QuestionType.BEHAVIORAL,
            job_description=(
                "Ask about this project from the candidate's résumé (quote its name):\n"
                f"{project['text']}"
            ),
        )
    except AIServiceError as exc:
        logger.warning("résumé question generation failed (%s): template used", exc.reason)
        return fallback
    return (generated.question or "").strip() or fallback


def resume_question_texts(*, profile: JobProfile) -> list[str]:
    """The texts of the questions about the résumé's projects. Each may be a paid provider call
    of seconds: call with no transaction open, and store them afterwards."""
    texts: list[str] = []
    for project in (profile.projects or [])[:RESUME_QUESTIONS]:
        texts.append(_resume_question_text(profile, project, texts))
    return texts


def resume_questions_create(*, user: User, profile: JobProfile, texts: list[str]) -> list[Question]:
    """Questions about the résumé's projects: the user's own (encrypted, never in the bank)."""
    return [
        Question.objects.create(
            category=profile.category,
            difficulty=profile.difficulty,
            type=QuestionType.BEHAVIORAL,
            language=profile.language,
            source=QuestionSource.JOB,
            question=text,
            tags=["resume"],
            expected_keywords=[],
            is_active=False,
            created_by=user,
        )
        for text in texts
    ]


def question_plan_build(
    *,
    user: User,
    profile: JobProfile,
    requirements: list[dict],
    count: int,
    resume_texts: list[str],
) -> list[Question]:
    """The session's questions in order: bank questions, a résumé question (from
    `resume_question_texts`) every other slot from the second on."""
    resume = resume_questions_create(user=user, profile=profile, texts=resume_texts)
    bank = bank_questions_rank(user=user, profile=profile, requirements=requirements, count=count)
    plan: list[Question] = []
    while len(plan) < count and (bank or resume):
        if resume and len(plan) % 2 == 1:
            plan.append(resume.pop(0))
        elif bank:
            plan.append(bank.pop(0))
        else:
            plan.append(resume.pop(0))
    if not plan:
        raise ApplicationError(
            _("The question bank has no questions for this role in this language yet."),
            code="no_questions",
            status=409,
        )
    return plan
