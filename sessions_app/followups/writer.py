"""Writing a follow-up with the configured provider: OpenAI when chosen, with the offline rules
standing in when it fails; the offline rules otherwise."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from analysis.ai.base import AIServiceError
from analysis.ai.openai_provider.followup import follow_up_generate
from analysis.ai.registry import get_ai_service, resolve_provider_name

from .rules import FollowUpDraft, follow_up_offline

logger = logging.getLogger("sessions.followups")


def follow_up_write(
    *,
    question: str,
    answer: str,
    language: str,
    scores: dict[str, int | None],
    improvements: Sequence[str] = (),
    asked_targets: frozenset[str] = frozenset(),
    asked_texts: frozenset[str] = frozenset(),
) -> FollowUpDraft | None:
    offline = follow_up_offline(
        answer=answer,
        language=language,
        scores=scores,
        asked_targets=asked_targets,
        asked_texts=asked_texts,
    )
    if resolve_provider_name() != "openai":
        return offline
    try:
        generated = follow_up_generate(
            get_ai_service(),
            question=question,
            answer=answer,
            language=language,
            scores=scores,
            improvements=improvements,
            asked_targets=asked_targets,
        )
    except AIServiceError as exc:
        logger.warning(
            "follow-up generation failed (%s): the offline rules stand in",
            exc.reason,
            extra={"operation": "follow_up_generate", "metadata": {"reason": exc.reason}},
        )
        return replace(offline, provider="offline_fallback") if offline else None
    if generated.target == "none" or generated.question in asked_texts:
        return None
    return FollowUpDraft(
        target=generated.target,
        quote=generated.quote,
        text=generated.question,
        provider="openai",
    )
