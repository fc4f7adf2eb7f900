"""The offline integrity checks around the model: computed while the model works, its integrity
report merged with the offline flags, and feedback lines that repeat text addressed to the
evaluator dropped."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from ..offline.analyzer import Signals
from ..offline.analyzer import analyze as offline_analyze
from ..offline.integrity import Screen, is_directed
from ..types import AnalysisContext, QuestionContext
from .schemas import IntegrityCheck

_helpers: tuple[int, ThreadPoolExecutor] | None = None
_helpers_lock = threading.Lock()


def offline_signals(
    question: QuestionContext, answer: str, context: AnalysisContext, screened: Screen
) -> Future[Signals]:
    """The offline integrity checks of an answer already screened, on this process's helper
    threads, so that they run while the calling thread waits on the model (made after any
    fork: a pool does not survive one). Two threads: the work is CPU, which one process runs
    one thread at a time; the second covers a call that starts while another's still runs."""
    global _helpers
    with _helpers_lock:
        if _helpers is None or _helpers[0] != os.getpid():
            _helpers = (
                os.getpid(),
                ThreadPoolExecutor(max_workers=2, thread_name_prefix="offline-signals"),
            )
        pool = _helpers[1]
    return pool.submit(offline_analyze, question, answer, context, screened=screened)


def merged_flags(
    offline: tuple[dict, ...],
    model: IntegrityCheck,
    question: QuestionContext,
    context: AnalysisContext,
) -> tuple[dict, ...]:
    """The offline flags plus what the model reported that they did not already say."""
    flags = {f["code"]: dict(f) for f in offline}
    if not model.answersTheQuestion and "copied_question" not in flags:
        flags.setdefault("off_topic", {"code": "off_topic"})
    if model.addressesEvaluator:
        flags.setdefault("evaluator_directed", {"code": "evaluator_directed"})
    session = context.language or question.language
    if model.answerLanguage in ("ko", "en") and session and model.answerLanguage != session:
        flags.setdefault(
            "language_mismatch",
            {"code": "language_mismatch", "answer_language": model.answerLanguage},
        )
    return tuple(flags.values())


def quotes_directed(line: str, directed: Sequence[str]) -> bool:
    """Whether a line of feedback repeats text that was addressed to the evaluator."""
    if is_directed(line):
        return True
    return any(
        piece and piece in line
        for text in directed
        for piece in (text.strip("[]() ")[:24], text.strip("[]() ")[-24:])
        if len(piece) >= 12
    )


def without_directed(text: str, directed: Sequence[str]) -> str:
    sentences = re.split(r"(?<=[.!?。])\s+", text)
    kept = [s for s in sentences if not quotes_directed(s, directed)]
    return " ".join(kept) or text
