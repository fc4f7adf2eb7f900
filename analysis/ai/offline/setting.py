"""When a story happened, told without where: a time phrase sets the scene ("Last March I…",
"지난 3월에 …"), but the team or project it happened in is still the listener's to guess."""

from __future__ import annotations

import re

_EN_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)
_EN_DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A time phrase said as such: last March, in May 2023, two years ago, earlier this year.
EN_WHEN = (
    rf"\blast (?:{_EN_MONTHS}|{_EN_DAYS}|night|weekend|christmas|easter)\b|"
    rf"^(?:back )?(?:in|during|early in|late in|at the (?:start|end) of) (?:early |late )?"
    rf"(?:{_EN_MONTHS})\b|"
    r"^(?:earlier|early|late|later) (?:this|last) (?:year|month|quarter|spring|summer|autumn|"
    r"fall|winter)\b|"
    r"\b(?:\d+|a|one|a couple of) (?:years?|months?|weeks?) ago\b|"
    r"^(?:this|that) past (?:year|spring|summer|autumn|fall|winter|quarter)\b"
)
_KO_MONTH = r"(?:\d{1,2}|[일이삼사오육칠팔구]|십[일이]?)\s?월"
KO_WHEN = (
    rf"(?:지난|올해|작년|재작년|지난해)\s?{_KO_MONTH}|"
    rf"^{_KO_MONTH}\s?(?:초|말|중순|초순|하순)?에|"
    r"^(?:지난주|지난달|지난 주|지난 달)|(?:\d+|몇|한|두|세)\s?(?:년|달|개월) 전(?:에|쯤)?"
)
_WHEN_ONLY = {
    "en": re.compile(
        rf"(?:{EN_WHEN}|last (?:year|spring|summer|fall|autumn|winter|quarter|month|week)|"
        r"(?:a few|two|three|several|some) (?:months|years|weeks) ago|at the time|back then|"
        r"in (?:19|20)\d\d)$"
    ),
    "ko": re.compile(
        rf"(?:{KO_WHEN}|작년|지난해|지난 (?:분기|달|해|봄|여름|가을|겨울)|재작년|올해 초|당시|"
        r"그때|예전에|\d{4}년)$"
    ),
}
# Where: a team, project, employer or workplace named in the opening of the story, or the piece
# of work it happened on ("when we were migrating the billing system", "결제 모듈을 개편할 때").
_WHERE = {
    "en": re.compile(
        r"\b(?:team|project|company|firm|department|client|customer|employer|startup|agency|"
        r"office|store|shop|branch|ward|clinic|hospital|school|warehouse|plant|site|squad|"
        r"product|platform|app|service|internship|job|role|as an? \w+)s?\b|"
        # ... a piece of work of one's own, not any ("before a launch").
        r"\b(?:our|my|the|their) (?:[\w-]+ )?(?:system|module|migration|launch|rollout|"
        r"redesign|release|campaign|website)s?\b"
    ),
    "ko": re.compile(
        r"팀|프로젝트|회사|부서|본부|센터|병원|학교|매장|지점|공장|고객사|클라이언트|서비스|"
        r"인턴|직장|스타트업|에이전시|현장|병동|사업부|모듈|시스템|개편|이전|마이그레이션|출시|"
        r"도입|캠페인|앱|사이트|플랫폼"
    ),
}


def when_without_where(phases: list[str], opening: list[str], language: str) -> str:
    """The time phrase that alone sets the scene, else "": `phases` are the situation markers
    found, `opening` the story's first sentences (English ones lower-cased)."""
    when = _WHEN_ONLY["ko" if language == "ko" else "en"]
    where = _WHERE["ko" if language == "ko" else "en"]
    if not phases or not all(when.search(p) for p in phases):
        return ""
    if any(where.search(text) for text in opening):
        return ""
    return phases[0]
