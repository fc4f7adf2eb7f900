"""A job description's requirements (and a résumé's projects) through OpenAI: one structured
completion with both texts passed as fenced data."""

from __future__ import annotations

from pydantic import Field

from . import prompts
from .schemas import Wire
from .service import OpenAIService

JOB_REQUIREMENTS_PROMPT_VERSION = "job-requirements-v1"
MAX_TOKENS = 1200
MAX_DESCRIPTION_CHARS = 8000
MAX_RESUME_CHARS = 8000


class JobRequirements(Wire):
    skills: list[str] = Field(max_length=6)
    responsibilities: list[str] = Field(max_length=6)
    seniority: str
    category: str
    projects: list[str] = Field(max_length=3)


def job_requirements_extract(
    service: OpenAIService, *, description: str, resume_text: str, language: str
) -> JobRequirements:
    messages = prompts.render(
        "job_requirements_v1",
        job_description=prompts.fenced(description[:MAX_DESCRIPTION_CHARS]),
        resume=prompts.fenced(resume_text[:MAX_RESUME_CHARS]) or "(none)",
        language_instruction=prompts.language_instruction(language),
    )
    payload, _ = service._complete(
        messages, JobRequirements, max_tokens=MAX_TOKENS, operation="job_requirements"
    )
    clean = [s.strip()[:200] for s in payload.skills if s.strip()]
    duties = [s.strip()[:300] for s in payload.responsibilities if s.strip()]
    projects = [s.strip()[:400] for s in payload.projects if s.strip()]
    return JobRequirements(
        skills=clean,
        responsibilities=duties,
        seniority=payload.seniority.strip()[:100],
        category=payload.category.strip(),
        projects=projects,
    )
