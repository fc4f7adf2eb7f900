"""What an answer that sidesteps the question is told to say instead, by what the question asks
for: a story, a situation about people, or a situation or method of one's own."""

from __future__ import annotations

from .analyzer import Signals
from .asks import about_people


def sidestep_note(s: Signals, quote: str) -> tuple[str, str]:
    """What to say instead of sidestepping: a story asks for one real example; a situation
    about people, what one would do oneself, to whom, why, and how one would follow it up; any
    other situation or method, one's own steps."""
    ko = s.feedback_language == "ko"
    if s.question_type == "behavioral":
        return (
            f"질문을 비켜 가는 답변입니다({quote}). 작더라도 실제 사례 하나를 골라 처음부터 "
            "끝까지 말씀해 주세요."
            if ko
            else f"The answer sidesteps the question ({quote}). Pick one real example, even a "
            "small one, and walk through it.",
            "실제 사례 하나를 골라 상황-행동-결과로 말씀해 주세요."
            if ko
            else "Choose one real example and walk through situation, action, result.",
        )
    if about_people(s.question):
        return (
            f"질문을 비켜 가는 답변입니다({quote}). 본인이 직접 무엇을 할지, 누구에게 어떻게 "
            "말할지, 왜 그렇게 할지 말씀해 주세요."
            if ko
            else f"The answer sidesteps the question ({quote}). Say what you would do yourself: "
            "whom you would speak to, what you would say, and why.",
            "누구와 먼저 이야기할지, 무엇을 할지, 그 뒤 어떻게 확인할지 순서대로 말씀해 주세요."
            if ko
            else "Say whom you would speak to first, what you would do, and how you would "
            "follow it up.",
        )
    return (
        f"질문을 비켜 가는 답변입니다({quote}). 본인이 직접 무엇을 어떤 순서로 할지와 그 "
        "이유를 말씀해 주세요."
        if ko
        else f"The answer sidesteps the question ({quote}). Say what you would do yourself, "
        "step by step, and why.",
        "본인이 할 일을 순서대로, 이유와 함께 말씀해 주세요."
        if ko
        else "Walk through what you would do, in order, and why.",
    )
