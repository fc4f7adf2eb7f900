"""Offline question generation: category topics poured into per-type templates.

Deterministic (the same request gives the same question) and never a duplicate or near-duplicate
of the questions passed in. The sample answer is an outline with placeholders, not a made-up
story: the offline provider has no experiences to draw on."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from ..base import PermanentAIError
from ..types import GeneratedQuestion
from .keywords import TermIndex, category_specific_terms
from .specificity import find_names
from .templates import DIFFICULTY_SUFFIX, ROLE_NAMES, TEMPLATES
from .text import content_stems, josa, normalize
from .topics import GENERAL_TOPICS, TOPICS, Topic

MODEL = "offline-templates"
PROMPT_VERSION = "offline-generate-1"
_SLOT_RE = re.compile(r"\{topic(?::([^/}]*)/([^}]*))?\}")
SIMILARITY_LIMIT = 0.7


def _fill(template: str, topic: str) -> str:
    def replace(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return topic
        return josa(topic, m.group(1), m.group(2))

    return _SLOT_RE.sub(replace, template)


def _misfits(template: str, suffix: str, kind: str) -> bool:
    """A difficulty suffix must not repeat what the template already asks for, and a question
    about people is not made harder by scale."""
    if kind == "people" and ("ten times" in suffix or "열 배" in suffix):
        return True
    return any(
        word in template.lower() and word in suffix.lower()
        for word in ("trade-off", "트레이드오프")
    )


def _fingerprint(text: str) -> str:
    return re.sub(r"\W+", " ", normalize(text).lower()).strip()


def _similar(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _rank(seed: str, key: str) -> str:
    return hashlib.sha256(f"{seed}|{key}".encode()).hexdigest()


def _jd_terms(job_description: str, category: str, language: str) -> list[str]:
    """Domain terms and named tools the job description mentions, in the order it gives them."""
    if not job_description.strip():
        return []
    index = TermIndex(job_description)
    found = sorted(
        index.match_all(category_specific_terms(category, language)), key=lambda m: m.position
    )
    terms = [m.term for m in found]
    terms += [n for n in find_names(job_description, language) if n not in terms]
    return terms[:5]


def _topics_for(category: str, jd_terms: list[str], language: str) -> list[Topic]:
    topics = list(TOPICS.get(category, GENERAL_TOPICS))
    if not jd_terms:
        return topics
    wanted = {t.lower() for t in jd_terms}

    def overlap(topic: Topic) -> int:
        keywords = topic.ko_keywords if language == "ko" else topic.en_keywords
        return -len(wanted & {k.lower() for k in keywords})

    return sorted(topics, key=overlap)


def _sample_outline(question_type: str, topic: Topic, language: str) -> str:
    keywords = topic.ko_keywords if language == "ko" else topic.en_keywords
    focus = ", ".join(keywords[:3])
    if language == "ko":
        if question_type == "behavioral":
            return (
                f"[상황: 언제, 어느 팀에서 {josa(topic.ko, '을', '를')} 겪었는지] "
                "[과제: 본인이 맡은 역할과 목표] "
                f"[행동: 직접 한 일 두세 가지 — {focus}] "
                "[결과 수치: 무엇이 얼마나 달라졌는지] [배운 점]"
            )
        return (
            "[핵심 원칙: 무엇부터 확인하고 왜 그런지] "
            f"[단계: 먼저 / 그다음 / 마지막으로 — {focus}] "
            "[트레이드오프: 고려한 위험과 대안] "
            "[실제 사례: 비슷한 일을 직접 해 본 경험과 수치] [성공 판단 기준]"
        )
    if question_type == "behavioral":
        return (
            f"[situation: when and where you faced {topic.en}] "
            "[task: your role and the goal] "
            f"[actions: two or three things you did yourself — {focus}] "
            "[measurable result: what changed, by how much] [lesson]"
        )
    return (
        "[first principle: what you would check first, and why] "
        f"[steps: first / then / finally — {focus}] "
        "[trade-off: the risk you weighed and the alternative] "
        "[real example: a time you did this, with its numbers] [how you would judge success]"
    )


def _criteria(question_type: str, topic: Topic, category: str, language: str) -> dict[str, str]:
    role_en, role_ko = ROLE_NAMES.get(category, ("a professional in this role", "이 직무 담당자"))
    if language == "ko":
        kw = topic.ko_keywords
        logic = (
            "상황, 과제, 행동, 결과가 STAR 순서로 이어진다."
            if question_type == "behavioral"
            else "단계가 합리적인 순서로 제시되고 각 단계의 이유가 설명된다."
        )
        return {
            "understanding": f"{topic.ko}에서 무엇이 중요한지({kw[0]}, {kw[1]}) 이해하고 있다.",
            "logic": logic,
            "specificity": f"구체적인 행동과 도구, 수치를 제시한다(예: {kw[-1]}).",
            "jobFit": f"{josa(role_ko, '으로서', '로서')} {topic.ko} 상황에 필요한 판단력을 "
            "보여 준다.",
        }
    kw = topic.en_keywords
    logic = (
        "Tells it as situation, task, action and result, in that order."
        if question_type == "behavioral"
        else "Gives the steps in a sensible order, with the reason for each."
    )
    return {
        "understanding": f"Recognises what matters with {topic.en}: {kw[0]} and {kw[1]}.",
        "logic": logic,
        "specificity": f"Names concrete actions, tools and figures (for example {kw[-1]}).",
        "jobFit": f"Shows the judgement {role_en} needs when facing {topic.en}.",
    }


def generate_question(
    category: str,
    difficulty: str,
    previous_questions: Sequence[str],
    *,
    language: str,
    question_type: str | None = None,
    custom_category: str = "",
    job_description: str = "",
) -> GeneratedQuestion:
    lang = "ko" if language == "ko" else "en"
    seed = "|".join(
        [
            category,
            difficulty,
            question_type or "",
            lang,
            custom_category,
            job_description,
            *sorted(_fingerprint(q) for q in previous_questions),
        ]
    )
    types = [question_type] if question_type else sorted(TEMPLATES, key=lambda t: _rank(seed, t))
    suffixes = DIFFICULTY_SUFFIX.get(difficulty, DIFFICULTY_SUFFIX["medium"])[lang]
    jd_terms = _jd_terms(job_description, category, lang)
    topics = _topics_for(category, jd_terms, lang)
    previous = [_fingerprint(q) for q in previous_questions if q.strip()]
    previous_sets = [set(content_stems(q)) for q in previous]

    if custom_category and category not in TOPICS:
        intro = (
            f"{custom_category} 직무 질문입니다. "
            if lang == "ko"
            else f"For a {custom_category} role: "
        )
    else:
        intro = ""
    if jd_terms:
        term = jd_terms[0]
        intro += (
            f"이 직무는 {term} 관련 업무가 많습니다. "
            if lang == "ko"
            else f"This role involves a lot of {term}. "
        )

    for qtype in types:
        if qtype not in TEMPLATES:
            raise PermanentAIError("unknown_question_type", detail=str(qtype))
        candidates = [
            (ti, pi, si)
            for pi in range(len(topics))
            for ti in range(len(TEMPLATES[qtype][topics[pi].kind][lang]))
            for si in range(len(suffixes))
        ]
        # Topics matching the job description come first; otherwise a seeded shuffle.
        candidates.sort(key=lambda c: (c[1] if jd_terms else 0, _rank(seed, f"{qtype}{c}")))
        for ti, pi, si in candidates:
            topic = topics[pi]
            template = TEMPLATES[qtype][topic.kind][lang][ti]
            if _misfits(template, suffixes[si], topic.kind):
                continue
            text = intro + _fill(template, topic.ko if lang == "ko" else topic.en) + suffixes[si]
            stems = set(content_stems(text))
            if _fingerprint(text) in previous or any(
                _similar(stems, p) >= SIMILARITY_LIMIT for p in previous_sets
            ):
                continue
            keywords = list(topic.ko_keywords if lang == "ko" else topic.en_keywords)
            return GeneratedQuestion(
                question=text,
                category=category,
                custom_category=custom_category,
                difficulty=difficulty,
                type=qtype,
                language=lang,
                tags=[topic.tag, qtype],
                expected_keywords=keywords,
                sample_answer=_sample_outline(qtype, topic, lang),
                evaluation_criteria=_criteria(qtype, topic, category, lang),
                model=MODEL,
                prompt_version=PROMPT_VERSION,
            )
    raise PermanentAIError("no_unique_question", detail="every template variant is already taken")
