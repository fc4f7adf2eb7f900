"""What an answer says and lacks, read from its text: the signals a follow-up is chosen by.

Deliberately small and about *how* an answer is told (a claim, a figure, a result, a lesson, a
choice and its cost), per language. The rubric scores come from the stored analysis; these
signals only decide which gap to probe and which sentence to quote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")


def sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text or "")]
    return [p for p in parts if len(p) >= 4]


def _re(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


# A figure: a number with a unit, a percentage or a multiplier (years alone are not figures).
FIGURE = _re(
    r"\d+(?:[.,]\d+)?\s*(?:%|퍼센트|프로\b|percent|x\b|\u00d7|배|times\b)",
    # Response times and durations of work; elapsed days or weeks are not measured figures.
    r"\d+(?:[.,]\d+)?\s*(?:ms|밀리초|초|분|시간|seconds?|secs?|minutes?|mins?|hours?)(?![A-Za-z])",
    r"\d+(?:[.,]\d+)?\s*(?:만|억|천)?\s*(?:원|달러|명|건|개(?!월)|users?|customers?|clients?|orders?"
    r"|tickets?|requests?|deals?|leads?|people|accounts?|dollars?|k\b|m\b)",
    r"[$₩€£]\s?\d",
)

PATTERNS = {
    "en": {
        "claim": _re(
            r"\bi (?:led|owned|drove|spearheaded|managed|ran|headed|championed|transformed)\b",
            r"\bi was (?:responsible|in charge|the (?:lead|owner|driving force))",
            r"\b(?:successfully|significantly|dramatically|greatly|hugely|a lot better)\b",
            r"\b(?:key|crucial|central|pivotal) role\b",
            r"\bi(?: am|'m) (?:very |really )?(?:good|great|strong|excellent|skilled) at\b",
            r"\bi always\b|\bi never fail\b",
        ),
        "evidence": _re(
            r"\bi (?:personally |myself )?(?:wrote|built|designed|decided|chose|proposed|set up|"
            r"created|implemented|profiled|added|interviewed|negotiated|analy[sz]ed|measured|"
            r"rewrote|split|migrated|mapped|drafted|ran a|benchmarked|called|reviewed|tested|"
            r"prototyped|automated|configured|coded|sketched|pitched|presented)\b",
            r"\bfor (?:example|instance)\b|\bspecifically\b|\bmy (?:own )?(?:part|decision) was\b",
        ),
        "method": _re(
            r"\bmeasur",
            r"\ba/?b test",
            r"\bexperiment",
            r"\bcontrol group",
            r"\bbaseline",
            r"\bcompar(?:ed|ing|ison)\b",
            r"\bdashboard",
            r"\banalytics\b",
            r"\bmonitor",
            r"\btrack(?:ed|ing)\b",
            r"\blogs?\b",
            r"\bbefore and after\b",
            r"\bbenchmark",
            r"\bprofil",
            r"\bsurvey",
            r"\battribut",
            r"\bcohort",
            r"\bholdout\b",
            r"\bstatistic",
            r"\bsampl(?:e|ed|ing)\b",
        ),
        "result": _re(
            r"\bresult(?:ed|s)?\b",
            r"\boutcome",
            r"\bin the end\b",
            r"\bended up\b",
            r"\b(?:reduced|increased|improved|dropped|rose|grew|cut|saved|fell|doubled|halved|"
            r"shipped|launched|won|closed|resolved|fixed|recovered|exceeded|hit|reached)\b",
            r"\bwent (?:from|down|up|away)\b",
            r"\bled to\b",
            r"\bwhich meant\b",
            r"\b(?:stopped|disappeared|renewed|no longer)\b",
            r"\bnow (?:takes?|runs?|is|are)\b",
        ),
        "lesson": _re(
            r"\blearn(?:ed|t)\b",
            r"\blesson",
            r"\btaught me\b",
            r"\bnext time\b",
            r"\bin hindsight\b",
            r"\blooking back\b",
            r"\bdo (?:it )?differently\b",
            r"\breali[sz]ed\b",
            r"\btakeaway",
            r"\bsince then\b",
            r"\bnow i (?:always|make)\b",
        ),
        "choice": _re(
            r"\b(?:chose|decided|picked|opted|went with|switched to|introduced|adopted|"
            r"prioriti[sz]ed|replaced|moved (?:to|from))\b",
            r"\binstead of\b",
            r"\brather than\b",
        ),
        "tradeoff": _re(
            r"\btrade-?offs?\b",
            r"\bdownside",
            r"\bdrawback",
            r"\bcost us\b",
            r"\bcost of\b",
            r"\bat the expense\b",
            r"\bpros and cons\b",
            r"\bsacrific",
            r"\bweigh(?:ed|ing)\b",
            r"\bon the other hand\b",
            r"\balternatives?\b",
            r"\bthe risk\b",
            r"\bgave up\b",
        ),
    },
    "ko": {
        "claim": _re(
            r"주도(?:했|하였|적으로)",
            r"이끌(?:었|어)",
            r"리드(?:했|하였)",
            r"총괄",
            r"책임(?:지고|졌)",
            r"성공적으로",
            r"크게 (?:개선|향상|기여)",
            r"핵심(?:적인)? 역할",
            r"잘(?:합니다|하는 편)",
            r"뛰어(?:난|납)",
            r"항상 ",
            r"많이 (?:개선|기여)",
            r"기여(?:했|하였)",
        ),
        "evidence": _re(
            r"(?:제가|저는) (?:직접 )?[가-힣 ]{0,12}(?:설계|작성|구현|결정|제안|분석|측정|도입|"
            r"추가|만들|인터뷰|협상|검토|테스트|자동화|발표|정리)(?:했|하였|해)",
            r"직접 [가-힣]+(?:했|하였)",
            r"예를 들(?:어|면)",
            r"구체적으로",
        ),
        "method": _re(
            r"측정",
            r"비교(?:해|했|하)",
            r"대조군",
            r"A/?B",
            r"실험",
            r"기준(?:값|선)",
            r"대시보드",
            r"로그",
            r"모니터링",
            r"추적",
            r"전후",
            r"벤치마크",
            r"설문",
            r"집계",
            r"통계",
            r"샘플",
            r"프로파일링",
        ),
        "result": _re(
            r"결과",
            r"성과",
            r"줄(?:었|여|어들)",
            r"늘(?:었|려|어나)",
            r"향상(?:됐|되었|시켰|했)",
            r"개선(?:됐|되었|했)",
            r"감소",
            r"증가",
            r"단축",
            r"올(?:랐|렸)",
            r"높아졌",
            r"낮아졌",
            r"해결(?:됐|되었|했)",
            r"달성",
            r"출시(?:했|하였|됐)",
            r"덕분에",
            r"마무리",
            r"갱신(?:했|하였|됐)",
            r"멈췄",
            r"사라졌",
            r"없어졌",
            r"이제는",
        ),
        "lesson": _re(
            r"배웠",
            r"배운",
            r"깨달",
            r"교훈",
            r"다음에는",
            r"이후로는",
            r"그 뒤로",
            r"돌이켜",
            r"다시 한다면",
            r"느꼈",
            r"알게 되었",
        ),
        "choice": _re(
            r"선택(?:했|하였|하기로)",
            r"결정(?:했|하였)",
            r"도입(?:했|하였)",
            r"채택",
            r"대신(?:에)?",
            r"전환(?:했|하였)",
            r"우선순위",
            r"택했",
            r"바꿨",
            r"교체",
        ),
        "tradeoff": _re(
            r"트레이드\s?오프",
            r"단점",
            r"대가",
            r"비용",
            r"포기",
            r"반면",
            r"리스크",
            r"위험",
            r"장단점",
            r"대안",
            r"감수",
            r"희생",
        ),
    },
}


@dataclass(frozen=True)
class AnswerSignals:
    language: str
    sentences: list[str]
    claims: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    has_evidence: bool = False
    has_method: bool = False
    has_result: bool = False
    has_lesson: bool = False
    has_tradeoff: bool = False


def answer_signals(answer: str, *, language: str) -> AnswerSignals:
    patterns = PATTERNS["ko" if language == "ko" else "en"]
    said = sentences(answer)

    def where(name: str) -> list[str]:
        return [s for s in said if patterns[name].search(s)]

    return AnswerSignals(
        language=language,
        sentences=said,
        claims=where("claim"),
        figures=[s for s in said if FIGURE.search(s)],
        results=where("result"),
        choices=where("choice"),
        has_evidence=bool(patterns["evidence"].search(answer)),
        has_method=bool(patterns["method"].search(answer)),
        has_result=bool(patterns["result"].search(answer)),
        has_lesson=bool(patterns["lesson"].search(answer)),
        has_tradeoff=bool(patterns["tradeoff"].search(answer)),
    )
