"""The offline follow-up: deterministic rules over the answer's signals and its stored scores.

The first gap that the thread has not probed yet wins, in the order an interviewer would dig:
a claim without evidence, a figure without its method, a missing result, an undiscussed trade-off,
a missing lesson, a result told without any measure, then the weakest rubric dimension. Each
follow-up quotes the sentence it is about.
"""

from __future__ import annotations

from dataclasses import dataclass

from .signals import AnswerSignals, answer_signals

QUOTE_LIMIT = 60
# The weakest dimension is probed only when it is clearly weak (out of 25).
WEAK_DIMENSION = 20
DIMENSIONS = ("understanding", "logic", "specificity", "job_fit")

TEMPLATES = {
    "en": {
        "evidence": 'You said "{quote}". What exactly did you decide or do yourself, and what '
        "shows it worked?",
        "method": 'You mentioned "{quote}". How did you measure that, and how do you know the '
        "change came from what you did?",
        "result": 'You said "{quote}". What was the outcome in the end: what changed, ideally '
        "in numbers?",
        "tradeoff": 'You said "{quote}". What did that choice cost, and which alternatives did '
        "you weigh against it?",
        "lesson": 'You said "{quote}". Looking back, what did you learn, and what would you do '
        "differently next time?",
        "understanding": 'You said "{quote}". How does that answer the question itself: what '
        "was the core problem as you saw it?",
        "logic": 'You said "{quote}". Walk me through your reasoning step by step: why that, '
        "and why in that order?",
        "specificity": 'You said "{quote}". Can you give one concrete example: what exactly '
        "happened, and what did you do?",
        "job_fit": 'You said "{quote}". How would that carry over to this role: where would it '
        "matter most here?",
    },
    "ko": {
        "evidence": '"{quote}"라고 하셨는데요, 그중 본인이 직접 결정하거나 실행하신 부분은 '
        "무엇이었고, 그게 효과가 있었다는 근거는 무엇인가요?",
        "method": '"{quote}"라고 하셨는데요, 그 수치는 어떻게 측정하셨고, 그 변화가 본인의 조치 '
        "덕분이라는 것은 어떻게 확인하셨나요?",
        "result": '"{quote}"라고 하셨는데요, 최종적으로 어떤 결과가 나왔나요? 가능하면 수치로 '
        "말씀해 주세요.",
        "tradeoff": '"{quote}"라고 하셨는데요, 그 선택으로 포기하거나 감수하신 것은 무엇이었고, '
        "어떤 대안과 비교하셨나요?",
        "lesson": '"{quote}"라고 하셨는데요, 돌이켜 보면 그 경험에서 무엇을 배우셨고, 다음에는 '
        "무엇을 다르게 하시겠어요?",
        "understanding": '"{quote}"라고 하셨는데요, 질문의 핵심 문제를 어떻게 이해하셨는지 조금 '
        "더 설명해 주시겠어요?",
        "logic": '"{quote}"라고 하셨는데요, 그렇게 판단하신 이유를 단계별로 설명해 주시겠어요?',
        "specificity": '"{quote}"라고 하셨는데요, 실제 있었던 구체적인 사례를 하나 들어 '
        "주시겠어요? 그때 무엇을 직접 하셨나요?",
        "job_fit": '"{quote}"라고 하셨는데요, 그 경험이 지원하신 직무에서는 어떻게 쓰일 수 '
        "있을까요?",
    },
}


@dataclass(frozen=True)
class FollowUpDraft:
    target: str
    quote: str
    text: str
    provider: str = "offline"


def excerpt(sentence: str, limit: int = QUOTE_LIMIT) -> str:
    """The user's own words, at most `limit` characters, cut at a space, no closing punctuation."""
    text = " ".join(sentence.split()).strip().rstrip(".!?。,;:")
    text = text.replace('"', "'")
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(",;: ") + "…"


def render(*, target: str, quote: str, language: str) -> str:
    return TEMPLATES["ko" if language == "ko" else "en"][target].format(quote=quote)


def _gaps(signals: AnswerSignals) -> list[tuple[str, str]]:
    """(target, sentence to quote) for every gap the answer shows, in probing order."""
    said = signals.sentences
    gaps: list[tuple[str, str]] = []
    if signals.claims and not signals.has_evidence:
        gaps.append(("evidence", signals.claims[0]))
    if signals.figures and not signals.has_method:
        # The last figure is usually the claimed outcome.
        gaps.append(("method", signals.figures[-1]))
    if said and not signals.has_result:
        gaps.append(("result", said[-1]))
    if signals.choices and not signals.has_tradeoff:
        gaps.append(("tradeoff", signals.choices[0]))
    if said and signals.has_result and not signals.has_lesson:
        gaps.append(("lesson", (signals.results or said)[-1]))
    if signals.vague_results:
        # A result told without any measure ("went up a lot"): what changed, in numbers? Asked
        # after the gaps an answer leaves out altogether.
        gaps.append(("result", signals.vague_results[-1]))
    return gaps


def _weakest(scores: dict[str, int | None]) -> str | None:
    known = [(scores.get(d), i, d) for i, d in enumerate(DIMENSIONS) if scores.get(d) is not None]
    if not known:
        return None
    value, _, dimension = min(known)
    return dimension if value < WEAK_DIMENSION else None


def follow_up_offline(
    *,
    answer: str,
    language: str,
    scores: dict[str, int | None],
    asked_targets: set[str] | frozenset[str] = frozenset(),
    asked_texts: set[str] | frozenset[str] = frozenset(),
) -> FollowUpDraft | None:
    """The follow-up this answer calls for, or None when it leaves nothing worth probing."""
    signals = answer_signals(answer, language=language)
    if not signals.sentences:
        return None
    candidates = _gaps(signals)
    weakest = _weakest(scores)
    if weakest:
        candidates.append((weakest, signals.sentences[0]))
    for target, sentence in candidates:
        if target in asked_targets:
            continue
        quote = excerpt(sentence)
        text = render(target=target, quote=quote, language=language)
        if text in asked_texts:
            continue
        return FollowUpDraft(target=target, quote=quote, text=text)
    return None
