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
    # Counted outcomes and scores ("18 points", "40 bugs", "4.5점").
    r"\d+(?:[.,]\d+)?\s*(?:points?|bugs?|errors?|incidents?|defects?|visits?|downloads?|installs?"
    r"|sign-?ups?|점(?!심))",
    r"[$₩€£]\s?\d",
)

# Evidence told inside the claim itself ("I led the move by writing the runbook"); anywhere else,
# any deed counts. A claim sentence's own verbs ("made it the best store") are not evidence.
EVIDENCE_IN_CLAIM = _re(
    r"\bfor (?:example|instance)\b",
    r"\bspecifically\b",
    r"\bby (?:[a-z]+ing)\b",
    r"예를 들",
    r"구체적으로",
    r"직접",
)

# A change told without any measure: "went up a lot", "seemed more engaged", "많이 올랐".
VAGUE = {
    "en": _re(
        r"\ba lot\b",
        r"\b(?:much|far|way) (?:better|faster|more|less|higher|lower)\b",
        r"\bseem(?:s|ed)\b",
        r"\bsomewhat\b",
        r"\bnoticeably\b",
        r"\bsteadily\b",
    ),
    "ko": _re(r"많이", r"크게", r"훨씬", r"꽤", r"것 같", r"상당히", r"꾸준히"),
}

PATTERNS = {
    "en": {
        "claim": _re(
            r"\bi (?:led|owned|drove|spearheaded|managed|headed|championed|transformed)\b",
            # "I ran our campaign" claims ownership; "I ran five tests" tells a deed.
            r"\bi ran (?:the|our|my|all|every)\b",
            r"\bi was (?:responsible|in charge|the (?:lead|owner|driving force))",
            r"\b(?:successfully|significantly|dramatically|greatly|hugely|a lot better)\b",
            r"\b(?:key|crucial|central|pivotal) role\b",
            r"\bi(?: am|'m) (?:very |really )?(?:good|great|strong|excellent|skilled) at\b",
            r"\bi always\b|\bi never fail\b",
        ),
        "evidence": _re(
            # A first-person deed told as such: "I merged", "I called", "I rewrote" (claims,
            # feelings and intentions are not deeds).
            r"\bi (?:also |then |first |personally |myself |quickly )?"
            r"(?!(?:led|owned|managed|headed|handled|helped|supported|contributed|worked|played|"
            r"tried|wanted|needed|liked|loved|enjoyed|learned|learnt|reali[sz]ed|noticed|believed|"
            r"felt|hoped|used|transformed|championed|spearheaded|impacted|influenced|improved|"
            r"increased|achieved|succeeded|excelled|exceeded|considered|thought|agreed|"
            r"appreciated)\b)"
            r"(?:[a-z]+ed|wrote|built|ran|set|made|took|gave|met|sent|put|cut|split|drew|sat|"
            r"found|taught|brought|kept|spoke|chose|rewrote|rebuilt|began|dug|caught)\b",
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
            r"\b(?:restored|completed|finished|delivered|approved|passed|cleared|submitted|signed|"
            r"retained|avoided|prevented|solved|went live)\b",
            r"\b(?:on time|ahead of schedule|came down|became|got (?:[a-z]+er|better))\b",
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
            r"\bsince then,? i\b",
            r"\bnow i (?:always|make)\b",
            r"\b(?:took away|my takeaway|what i took)\b",
        ),
        "choice": _re(
            r"\b(?:chose|decided|picked|opted|went with|switched to|introduced|adopted|"
            r"prioriti[sz]ed|replaced|moved (?:to|from))\b",
            r"\binstead\b",
            r"\bmoved (?:[a-z']+ ){0,3}(?:to|from)\b",
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
            r"주도(?:했|하였|적으로|해|하여|하며|하고)",
            r"이끌(?:었|어|며|고)",
            r"리드(?:했|하였|해|하며|하고)",
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
            r"(?:제가|저는) (?:직접 )?[가-힣A-Za-z0-9 ,]{0,30}"
            r"(?:설계|작성|구현|결정|제안|분석|측정|도입|추가|만들|인터뷰|협상|검토|테스트|자동화|발표|정리|연결|교육|진행|재현|설정|전환|"
            r"개발|수정|적용|조사|공유|기록|계산|확인|복구)(?:했|하였|해|하고|하며|었|어)",
            r"(?:제가|저는) (?:직접 )?[가-힣A-Za-z0-9 ,]{0,30}(?:만들었|찾았|찾아|고쳤|나눴|나누고|"
            r"옮겼|옮기고|보냈|보내고|합쳤|붙였|썼|모아|모았|뽑아|뽑았|바꿨|돌렸|띄웠|맡았)",
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
            # A state that became so: 빨라졌, 짧아졌, 좋아졌, 떨어졌.
            r"[가-힣](?:아|어|라|러|해|워)졌",
            r"복구(?:했|하였|됐|되었)",
            r"완료",
            r"성공(?:했|하였|시켰)",
            r"통과",
            r"승인(?:됐|되었|받)",
            r"합격",
            r"마쳤",
            r"끝냈|끝났",
            r"제출(?:했|하였)",
            r"회복(?:했|됐|되었)",
            r"이어졌",
            r"재계약",
            r"체결",
            r"수주",
            r"유치(?:했|하였)",
        ),
        "lesson": _re(
            r"배웠",
            r"배운 (?:점|것|교훈)",
            r"깨달",
            r"교훈",
            r"다음에는",
            r"(?:이후로는|그 뒤로는?)[^.!?]{0,30}(?:항상|반드시|꼭|먼저|습관)",
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
            r"기로 (?:했|결정|합의)",
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
    # Result sentences that tell a change without any measure (and no result sentence has one).
    vague_results: list[str] = field(default_factory=list)


def answer_signals(answer: str, *, language: str) -> AnswerSignals:
    key = "ko" if language == "ko" else "en"
    patterns = PATTERNS[key]
    said = sentences(answer)

    def where(name: str) -> list[str]:
        return [s for s in said if patterns[name].search(s)]

    claims = where("claim")
    results = where("result")
    has_evidence = any(patterns["evidence"].search(s) for s in said if s not in claims) or any(
        EVIDENCE_IN_CLAIM.search(s) for s in claims
    )
    measured = any(FIGURE.search(s) for s in results)
    vague = [] if measured else [s for s in results if VAGUE[key].search(s)]

    return AnswerSignals(
        language=language,
        sentences=said,
        claims=claims,
        figures=[s for s in said if FIGURE.search(s)],
        results=results,
        choices=where("choice"),
        has_evidence=has_evidence,
        has_method=bool(patterns["method"].search(answer)),
        has_result=bool(patterns["result"].search(answer)),
        has_lesson=bool(patterns["lesson"].search(answer)),
        has_tradeoff=bool(patterns["tradeoff"].search(answer)),
        vague_results=vague,
    )
