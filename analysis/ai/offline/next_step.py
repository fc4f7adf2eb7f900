"""The one next step a coach gives an answer that nothing else was found to improve: from its
weakest score, told on a sentence of its own (a part of the story it leaves out, a sentence
to make concrete, its opening, what it shows of the job)."""

from __future__ import annotations

from ..types import Scores
from .analyzer import Signals
from .asks import about_people
from .notes import Note
from .notes import quote_of as _quote_of
from .quotes import quoted, quoted_josa
from .text import josa

# Below this total a coach still has a next step to give.
NEXT_STEP_BELOW = 90
# Ties go to what is easiest to act on.
_CRITERIA = ("specificity", "logic", "understanding", "job_fit")
_NAMES = {
    "en": {
        "specificity": "specificity",
        "logic": "logic",
        "understanding": "understanding",
        "job_fit": "job fit",
    },
    "ko": {
        "specificity": "구체성",
        "logic": "논리성",
        "understanding": "질문 이해도",
        "job_fit": "직무 적합성",
    },
}
# A story's parts a listener misses most, in the order they are told.
_PARTS = {
    "en": {
        "task": "what your own role and goal were",
        "result": "how it ended",
        "reflection": "what you took away from it",
    },
    "ko": {
        "task": "본인이 맡은 역할과 목표",
        "result": "어떻게 마무리되었는지",
        "reflection": "이 경험에서 배운 점",
    },
}


def next_step(s: Signals, scores: Scores) -> Note | None:
    """A "To go further" note for an answer below NEXT_STEP_BELOW, else None."""
    if scores.total >= NEXT_STEP_BELOW or not s.sentences:
        return None
    ko = s.feedback_language == "ko"
    lang = "ko" if ko else "en"
    weakest = min(_CRITERIA, key=lambda c: getattr(scores, c))
    value = getattr(scores, weakest)
    name = _NAMES[lang][weakest]
    lead = (
        f"한 단계 더: 네 항목 중 {name} 점수가 가장 낮습니다({value}/25). "
        if ko
        else f"To go further: {name} is your lowest score ({value}/25); "
    )
    return Note(0.2, lead + _advice(s, weakest, ko))


def _advice(s: Signals, weakest: str, ko: bool) -> str:
    if weakest == "logic":
        missing = [p for p in _PARTS["en"] if p not in s.structure.present]
        if s.question_type == "behavioral" and missing:
            part = _PARTS["ko" if ko else "en"][missing[0]]
            return (
                f"{josa(part, '을', '를')} 한 문장으로 덧붙여 보세요."
                if ko
                else f"add one sentence on {part}."
            )
        unreasoned = [
            t for t in s.sentences if t.is_action and not (t.causal or t.contrast or t.condition)
        ]
        q = _quote_of(s, (unreasoned or s.sentences)[0].index, limit=45)
        return (
            f"{quoted(q)} 뒤에 왜 그렇게 했는지 한마디를 붙여 보세요."
            if ko
            else f"after {quoted(q)}, say why you did it that way."
        )
    if weakest == "understanding":
        q = _quote_of(s, 0, limit=45)
        return (
            f"{quoted(q)} 앞에 질문에 대한 답을 한 문장으로 먼저 말씀해 보세요."
            if ko
            else f"before {quoted(q)}, answer the question itself in one sentence."
        )
    if weakest == "job_fit":
        acts = s.specificity.action_sentences or [0]
        q = _quote_of(s, acts[0], limit=45)
        return (
            f"{quoted_josa(q, '이', '가')} 지원하는 직무에서 어떤 역량을 보여 주는지 한 문장으로 "
            "이어 보세요."
            if ko
            else f"say what {quoted(q)} shows about how you would do this job."
        )
    # Specificity: the result when it has no figure, else the first step told without one.
    sp = s.specificity
    bare = [i for i in sp.action_sentences if not s.sentences[i].numbers]
    if sp.unquantified_results:
        index = sp.unquantified_results[-1]
    else:
        index = bare[0] if bare else len(s.sentences) - 1
    q = _quote_of(s, index, limit=45)
    if about_people(s.question):
        return (
            f"{quoted_josa(q, '을', '를')} 더 구체적으로 말씀해 보세요. 정확히 무슨 말을 했고 "
            "무엇에 합의했는지, 언제까지였는지를 덧붙이면 됩니다."
            if ko
            else f"make {quoted(q)} concrete: what exactly was said or agreed, with whom, and by "
            "when."
        )
    if sp.unquantified_results:
        return (
            f"{quoted(q)}에 얼마나 달라졌는지 숫자(몇 건, 며칠, 몇 퍼센트)를 더해 보세요."
            if ko
            else f"put a number on {quoted(q)}: how many, how long or how much changed."
        )
    return (
        f"{quoted(q)}에 사용한 도구나 방법의 이름과 숫자(몇 건, 며칠, 얼마나)를 더해 보세요."
        if ko
        else f"make {quoted(q)} concrete: name what you used and put a number on it (how many, "
        "how long, how much)."
    )
