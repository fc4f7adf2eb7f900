"""Question templates per type and topic kind, difficulty suffixes and role names.

Korean templates mark particles as {topic:을/를} so they agree with the topic's last syllable."""

from __future__ import annotations

# TEMPLATES[type][kind][language]
TEMPLATES: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "behavioral": {
        "problem": {
            "en": (
                (
                    "Tell me about a time you dealt with {topic}. What was your role, what did "
                    "you do, and what was the result?"
                ),
                (
                    "Describe {topic} you handled yourself. What did you do first, and what "
                    "changed because of it?"
                ),
                (
                    "Give me an example of a time you faced {topic} under pressure. How did "
                    "you respond, and what would you do differently now?"
                ),
            ),
            "ko": (
                (
                    "{topic:을/를} 직접 해결했던 경험을 말씀해 주세요. 본인의 역할과 결과는 "
                    "무엇이었나요?"
                ),
                (
                    "{topic:과/와} 관련해 직접 대응했던 사례를 말씀해 주세요. 가장 먼저 무엇을 "
                    "하셨고, 그 결과 무엇이 달라졌나요?"
                ),
                (
                    "{topic:이/가} 생겼을 때 어떻게 대응하셨는지, 지금이라면 무엇을 다르게 "
                    "하실지 말씀해 주세요."
                ),
            ),
        },
        "task": {
            "en": (
                (
                    "Tell me about a time you worked on {topic}. What was your role, what did "
                    "you do, and what was the result?"
                ),
                (
                    "Walk me through your most recent experience with {topic}. What would you "
                    "do differently now?"
                ),
                (
                    "Describe your best piece of work involving {topic}. What made it work, "
                    "and what did not go to plan?"
                ),
            ),
            "ko": (
                (
                    "{topic:을/를} 직접 맡아 진행했던 경험을 말씀해 주세요. 본인의 역할과 "
                    "결과는 무엇이었나요?"
                ),
                "{topic:을/를} 다뤘던 가장 최근의 경험과, 지금이라면 다르게 할 점을 말씀해 주세요.",
                "{topic:과/와} 관련해 가장 잘했다고 생각하는 사례와 아쉬웠던 점을 말씀해 주세요.",
            ),
        },
        "people": {
            "en": (
                (
                    "Tell me about a time you dealt with {topic}. What did you say and do, and "
                    "how did it end?"
                ),
                (
                    "Describe {topic} you handled yourself. How did you keep the relationship "
                    "while getting to a decision?"
                ),
                (
                    "Give me an example of {topic} that was hard to handle. What would you do "
                    "differently now?"
                ),
            ),
            "ko": (
                (
                    "{topic:을/를} 직접 겪었던 경험을 말씀해 주세요. 어떻게 말하고 "
                    "행동하셨으며, 결과는 어땠나요?"
                ),
                "{topic:과/와} 관련해 관계를 지키면서 결론을 냈던 사례를 말씀해 주세요.",
                (
                    "{topic:이/가} 있었을 때 어떻게 대응하셨는지, 지금이라면 무엇을 다르게 "
                    "하실지 말씀해 주세요."
                ),
            ),
        },
    },
    "situational": {
        "problem": {
            "en": (
                (
                    "Imagine you face {topic} in your first month here. How would you approach "
                    "it, step by step?"
                ),
                (
                    "Suppose {topic} lands on your desk with a tight deadline. What would you "
                    "do first, and why?"
                ),
                (
                    "You are dealing with {topic}, and the people involved disagree about what "
                    "to do. How would you handle it?"
                ),
            ),
            "ko": (
                (
                    "입사 첫 달에 {topic:을/를} 마주했다고 가정해 보겠습니다. 어떤 순서로 "
                    "대응하시겠습니까?"
                ),
                (
                    "{topic:이/가} 생겼고 일정이 촉박합니다. 가장 먼저 무엇을 하시겠고, 그 "
                    "이유는 무엇입니까?"
                ),
                (
                    "{topic:을/를} 두고 관련된 사람들의 의견이 엇갈리고 있습니다. 어떻게 풀어 "
                    "가시겠습니까?"
                ),
            ),
        },
        "task": {
            "en": (
                (
                    "Suppose your manager asks you to take charge of {topic} with a tight "
                    "deadline. What would you do first, and why?"
                ),
                (
                    "Imagine you are asked to own {topic} in your first month here. How would "
                    "you plan the work, step by step?"
                ),
                (
                    "You are leading {topic}, and the people involved disagree about the "
                    "approach. How would you handle it?"
                ),
            ),
            "ko": (
                (
                    "입사 첫 달에 {topic:을/를} 맡게 되었다고 가정해 보겠습니다. 어떤 순서로 "
                    "진행하시겠습니까?"
                ),
                (
                    "팀장님이 촉박한 일정으로 {topic:을/를} 맡기셨습니다. 가장 먼저 무엇을 "
                    "하시겠고, 그 이유는 무엇입니까?"
                ),
                (
                    "{topic:을/를} 진행하는데 관련된 사람들의 의견이 엇갈립니다. 어떻게 풀어 "
                    "가시겠습니까?"
                ),
            ),
        },
        "people": {
            "en": (
                "Imagine you face {topic}. What would you say first, and what would you do next?",
                (
                    "Suppose you are dealing with {topic} and your manager is unavailable. How "
                    "would you handle it?"
                ),
                (
                    "You face {topic}, and a colleague suggests simply giving in. What would "
                    "you do, and why?"
                ),
            ),
            "ko": (
                (
                    "{topic:을/를} 마주했다고 가정해 보겠습니다. 가장 먼저 무엇을 말하고, "
                    "그다음 무엇을 하시겠습니까?"
                ),
                (
                    "팀장님이 자리에 없는 상황에서 {topic:을/를} 마주했습니다. 어떻게 "
                    "대응하시겠습니까?"
                ),
                (
                    "{topic:을/를} 두고 동료가 그냥 양보하자고 제안합니다. 어떻게 하시겠고, 그 "
                    "이유는 무엇입니까?"
                ),
            ),
        },
    },
    "technical": {
        "problem": {
            "en": (
                (
                    "How would you find the cause of {topic} and fix it? Walk me through the "
                    "steps and the trade-offs."
                ),
                (
                    "What are the most common mistakes when handling {topic}, and how do you "
                    "avoid them?"
                ),
                (
                    "After dealing with {topic}, how would you check that your response "
                    "worked? Which metrics would you track, and why?"
                ),
            ),
            "ko": (
                (
                    "{topic:의/의} 원인을 어떻게 찾고 해결하시겠습니까? 단계와 트레이드오프를 "
                    "설명해 주세요."
                ),
                "{topic:을/를} 다룰 때 흔히 하는 실수는 무엇이고, 어떻게 피하시겠습니까?",
                (
                    "{topic:에/에} 대응한 뒤 효과를 어떤 지표로 확인하시겠습니까? 그 이유도 "
                    "말씀해 주세요."
                ),
            ),
        },
        "task": {
            "en": (
                "How would you approach {topic}? Walk me through the steps and the trade-offs.",
                (
                    "What are the most common mistakes people make with {topic}, and how do "
                    "you avoid them?"
                ),
                "How would you measure success in {topic}? Which metrics would you track, and why?",
            ),
            "ko": (
                "{topic:을/를} 어떻게 접근하시겠습니까? 단계와 트레이드오프를 설명해 주세요.",
                "{topic:에서/에서} 사람들이 흔히 하는 실수는 무엇이고, 어떻게 피하시겠습니까?",
                (
                    "{topic:을/를} 다룰 때 성공 여부를 어떤 지표로 판단하시겠습니까? 그 이유도 "
                    "말씀해 주세요."
                ),
            ),
        },
        "people": {
            "en": (
                "What principles and steps do you follow when handling {topic}? Be concrete.",
                (
                    "What are the most common mistakes when handling {topic}, and how do you "
                    "avoid them?"
                ),
                (
                    "How would you know afterwards that you handled {topic} well? What would "
                    "you check or measure?"
                ),
            ),
            "ko": (
                "{topic:을/를} 다룰 때 어떤 원칙과 절차를 따르시는지 구체적으로 설명해 주세요.",
                "{topic:을/를} 다룰 때 흔히 하는 실수는 무엇이고, 어떻게 피하시겠습니까?",
                "{topic:을/를} 잘 다뤘는지 나중에 무엇으로 확인하시겠습니까?",
            ),
        },
    },
}

DIFFICULTY_SUFFIX: dict[str, dict[str, tuple[str, ...]]] = {
    "easy": {
        "en": ("",),
        "ko": ("",),
    },
    "medium": {
        "en": (
            " Include the trade-offs you considered.",
            " Be specific about the numbers.",
        ),
        "ko": (
            " 고려하신 트레이드오프도 함께 말씀해 주세요.",
            " 가능한 한 수치로 구체적으로 말씀해 주세요.",
        ),
    },
    "hard": {
        "en": (
            " Assume limited resources and stakeholders who disagree.",
            " Assume the problem is ten times larger than anything you have handled.",
        ),
        "ko": (
            " 리소스가 부족하고 이해관계자의 의견이 엇갈리는 상황을 가정해 주세요.",
            " 지금까지 경험한 것보다 열 배 큰 규모라고 가정해 주세요.",
        ),
    },
}

ROLE_NAMES = {
    "software_engineering": ("a software engineer", "개발자"),
    "data_science": ("a data scientist", "데이터 사이언티스트"),
    "product_management": ("a product manager", "PM"),
    "design": ("a designer", "디자이너"),
    "marketing": ("a marketer", "마케터"),
    "sales": ("a salesperson", "영업 담당자"),
    "finance": ("a finance professional", "재무 담당자"),
    "human_resources": ("an HR professional", "인사 담당자"),
    "operations": ("an operations manager", "운영 관리자"),
    "customer_service": ("a customer service professional", "고객 서비스 담당자"),
}
