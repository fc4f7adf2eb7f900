"""What the first analyses after a worker starts would otherwise load while their users wait.

A cold worker's first offline analysis in each language builds the scorer's indexes (the topic
bank, the thesaurus' stems: ~0.2 s of CPU a language), and the first provider call imports the
OpenAI SDK (~0.3 s) and builds its client. Eight answers arriving together at a new worker each
waited on those, on one interpreter lock and the import lock: their analyses took 0.8-0.9 s more
than the ones after them. The worker does it once, before it takes its first task.
"""

from __future__ import annotations

import logging
import time

from .ai.registry import get_ai_service, get_offline_service, resolve_provider_name
from .ai.types import AnalysisContext, QuestionContext

logger = logging.getLogger("analysis")

_SAMPLES = {
    "en": (
        "Tell me about a time you made a slow service faster.",
        "Last year our checkout API slowed down during sales. I profiled the slowest queries, "
        "added an index and a short-lived cache, and load-tested the change before release. "
        "Latency fell from 900 ms to 120 ms, and I learned to measure before I optimise.",
    ),
    "ko": (
        "느린 서비스를 빠르게 만든 경험을 말씀해 주세요.",
        "작년에 결제 API가 세일 기간마다 느려지는 문제가 있었습니다. 제가 느린 쿼리를 분석해 "
        "인덱스와 캐시를 추가했고, 배포 전에 부하 테스트로 검증했습니다. 그 결과 응답 시간이 "
        "900ms에서 120ms로 줄었고, 최적화 전에 먼저 측정하는 습관을 배웠습니다.",
    ),
}


def analysis_warm_up() -> None:
    """Loads the offline scorer in both languages and the configured provider's client. A
    failure is logged: a worker that could not warm up still works, only its first answers are
    slower."""
    started = time.perf_counter()
    try:
        scorer = get_offline_service()
        for language, (question, answer) in _SAMPLES.items():
            scorer.analyze_answer(
                QuestionContext(text=question, language=language),
                answer,
                AnalysisContext(language=language),
            )
        if resolve_provider_name() != "offline":
            get_ai_service()
    except Exception:
        logger.warning("analysis warm-up failed", exc_info=True)
        return
    logger.info(
        "analysis warmed up",
        extra={
            "operation": "analysis_warm_up",
            "duration": round((time.perf_counter() - started) * 1000, 2),
        },
    )
