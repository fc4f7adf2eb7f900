"""What an answer brings in from outside the case to impress: a love of the trade since
childhood ("I have loved robots since I was twelve", "어릴 적부터 로봇을 좋아해서"), distinctions
and feats ("top of my class", "수석으로 졸업", "I can name 300 grapes blind"), famous names
dropped ("editors who have worked for …", "대기업 출신 선배들과 함께") and praise heard from
others ("producers have told me my timelines are the cleanest", "가장 꼼꼼하다는 말을 들었습니다").
Unlike a self-portrait, a verb of doing does not redeem it: what was done was done outside the
case ("a robot I built won a school competition"), so it shows nothing the question asks about."""

from __future__ import annotations

import re

# Ages of childhood, in figures and in words.
_CHILD_AGE = (
    r"(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen)"
)
_EN = re.compile(
    # A lifelong love: "since I was twelve", "ever since school", "as a boy", "my lifelong passion".
    r"\b(?:ever )?since i was (?:" + _CHILD_AGE + r"(?: years old)?(?=[,.;]| and\b| or\b|$)|"
    r"a (?:child|kid|boy|girl|teenager|schoolboy|schoolgirl)\b|little\b|young\b|small\b)|"
    r"\bwhen i was (?:" + _CHILD_AGE + r"(?: years old)?(?=[,.;]| and\b| or\b|$)|"
    r"a (?:child|kid|boy|girl|teenager|schoolboy|schoolgirl)\b|little\b)|"
    r"\bas a (?:child|kid|boy|girl|teenager|schoolboy|schoolgirl)\b,? i\b|"
    r"\bsince (?:my )?(?:childhood|school ?days|teens|teenage years)\b|"
    r"\bever since (?:school|childhood)\b|"
    r"\bmy (?:lifelong|life-long|childhood) (?:passion|love|dream|fascination|hobby)\b|"
    # ... and how it began: "I first became interested in sounds through birdsong".
    r"\bi first (?:became|got|grew|was) (?:interested|hooked|fascinated|drawn)\b|"
    r"\bmy (?:interest|love|passion|fascination) (?:in|for) [^.;]{1,30}\b(?:began|started|"
    r"goes back|dates back)\b|"
    r"\bi(?:'ve| have)(?: always)? (?:loved|adored|been (?:fascinated|obsessed|hooked))\b"
    r"[^.;]{0,40}\b(?:since|all my life|my whole life)\b|"
    # Distinctions and feats: "the highest mark of my year", "top of my class", "graduated with
    # distinction", "I can name 300 grape varieties blind", "as a party trick".
    r"\b(?:the )?(?:highest|top|best) (?:marks?|grades?|scores?|results?) (?:of|in) (?:my|the) "
    r"(?:year|class|cohort|intake|course|programm?e?)\b|"
    r"\b(?:top|first) (?:of|in) (?:my|the) (?:class|year|cohort|intake|course)\b|"
    r"\b(?:graduated|passed|qualified)\b[^.;]{0,40}\bwith (?:first-class )?(?:honou?rs|"
    r"distinction|a first)\b|"
    r"\bi can \w+ (?:more than |over |nearly |almost |about |some )?\d[\d,]*\b[^.;]{0,40}"
    r"\b(?:blind(?:fold(?:ed)?)?|by heart|from memory|by ear|in my sleep)\b|"
    r"\bparty trick\b|"
    # Names dropped: "I have shared cutting rooms with editors who have worked for …", "I have
    # worked with clients like …".
    r"\b(?:worked|shared [\w ]{1,20}|trained|studied|played) (?:with|alongside|under)\b[^.;]{0,50}"
    r"\bwho (?:have |has |had )?(?:worked|played|cooked|written|designed|trained|edited) "
    r"(?:for|at|with)\b|"
    r"\bi(?:'ve| have) worked (?:for|with) (?:the likes of|(?:brands|clients|companies|names|"
    r"people) (?:like|such as))\b|"
    r"\bmy (?:former |past |previous )?(?:clients|employers) (?:have )?(?:included?|range from)\b|"
    # Praise heard: "more than one producer has told me that my timelines are the cleanest".
    r"\b(?:has|have|had) (?:often |always |once |repeatedly )?(?:told|said to) me (?:that )?"
    r"(?:i am|i'm|i was|my [^.;]{0,30}? (?:is|are|was|were)) (?:the|one of the) "
    r"(?:\w+est|best|most)\b"
)
_KO_AGE = r"(?:[1-9]|1[0-7]|열|열한|열두|열세|열네|열다섯|열여섯|열일곱|여섯|일곱|여덟|아홉)"
_KO = re.compile(
    # A lifelong love: "어릴 적부터", "학창 시절부터", "제가 열두 살 때".
    r"(?:어릴|어렸을) (?:적|때)부터|어린 시절부터|어려서부터|학창 시절부터|"
    r"(?:초등|중|고등)학(?:생|교) (?:때|시절)부터|"
    r"(?:제가|저는) [^.]{0,15}" + _KO_AGE + r" ?살 ?(?:때|무렵|부터)|"
    r"(?:평생|오랜|어릴 적)의 꿈|"
    r"(?:처음|맨 처음) [^.]{0,30}(?:관심|흥미)을 (?:갖게|가지게|느끼게) 된 (?:건|것은|계기)|"
    r"(?:관심|흥미)을 (?:갖게|가지게) 된 계기는|"
    # Distinctions and feats: "수석으로 졸업", "동기 중 최고 점수", "눈을 감고도 맞힙니다".
    r"수석(?:으로)? (?:졸업|합격|입학|수료)|(?:학년|동기|기수|과)(?: 중)? (?:수석|1등|최고 ?점)|"
    r"최고 ?점(?:수)?으로 (?:합격|통과|취득|수료)|만점으로 (?:합격|통과|취득)|"
    r"눈을 감고(?:도)? [^.]{0,30}(?:맞히|맞힙|맞혔|맞춥|맞췄|구별|구분|알아맞)|장기 자랑|"
    # Names dropped: "대기업 출신 선배들과 함께 일했고".
    r"(?:출신|일했던|근무했던|다녔던) [^.]{0,20}(?:분들|사람들|선배들|동료들|선배님들)과 "
    r"(?:함께|같이)|"
    # Praise heard: "가장 꼼꼼하다는 말을 여러 번 들었습니다".
    # (Not "평가": "팀은 고객 조사에서 가장 빠르다는 평가를 받았습니다" is the case's result.)
    r"(?:가장|제일|최고로|최고의|누구보다) [^.]{0,30}(?:다는|라는) (?:말|칭찬)을 [^.]{0,10}"
    r"(?:들었|받았|듣)"
)


def is_boast(text: str, language: str) -> bool:
    """Whether a sentence brings in a childhood love, a distinction, a name or praise from
    outside the case."""
    return bool(
        (_KO if language == "ko" else _EN).search(text if language == "ko" else text.lower())
    )
