"""Concrete detail: figures (numbers, durations, percentages, money), named tools and methods,
first-person actions versus "we" and vague generalities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .keywords import TermIndex
from .places import place_names
from .sentence import TaggedSentence
from .text import HANGUL_RE, split_sentences
from .vocab import TOOLS_KO
from .word_lists import _words

_EN_UNITS = (
    # A time of day with its half of the day ("at 5 a.m.") is a figure, not a bare digit.
    r"[ap]\.m\.|[ap]m\b|%|percent(?:age points?)?|pp\b|x\b|ms\b|milliseconds?|seconds?|secs?|"
    r"minutes?|mins?|"
    r"hours?|hrs?|days?|weeks?|months?|quarters?|years?|sprints?|shifts?|semesters?|"
    r"k\b|m\b|bn\b|million|billion|thousand|"
    r"people|users|customers|engineers|tickets|orders|requests|deals|accounts|points?|stars?|"
    r"times|items|skus|reps|agents|calls|visitors|candidates|hires|stores|sites"
)
_EN_WORD_NUMBERS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|hundred|thousand|a dozen"
)
# "A few" and "several" measure a span ("a few weeks") but count nobody: "a few customers" is
# as vague as "some customers".
_EN_VAGUE_SPAN = r"(?:several|a few)[- ](?:minutes?|hours?|days?|weeks?|months?|years?)\b"
_EN_COUNT_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty"
)
_EN_COUNT_VERBS = (
    r"agreed|signed|said|replied|joined|left|quit|stayed|renewed|churned|converted|upgraded|"
    r"accepted|declined|responded|answered|came back|returned|bought|applied|passed|failed"
)
# A span said in words is a measure only after a word that makes it one ("took a week", "to an
# hour"; not "one day, a customer called"): checked once it has matched, as a look-behind for
# each word would be tried at every position.
_SPAN_IN_WORDS = re.compile(r"(?:an?|one) (?:(?:full|whole|single|working) )?[a-z]+")
_SPAN_LEAD = re.compile(
    r"\b(?:takes?|took|taking|spen[dt]|spending|for|in|within|under|over|to|from|than|about|around|nearly|almost|"
    r"just|only|barely) $"
)
# A time of day is one figure ("at 2:50", "14:05"), not two numbers.
_CLOCK = r"(?<![\d:.,])\d{1,2}:[0-5]\d(?![\d:])"
EN_NUMBER_RE = re.compile(
    rf"(?:{_CLOCK}(?:\s?(?:[ap]m\b|[ap]\.m\.))?|"
    rf"[$€£₩]\s?\d+(?:[.,]\d+)*\s?(?:k|m|bn|million|billion|thousand)?\b|"
    rf"\b\d+(?:[.,]\d+)*(?:\s?(?:{_EN_UNITS}))?|"
    rf"\b(?:{_EN_WORD_NUMBERS})[- ](?:{_EN_UNITS}|business days)\b|\b{_EN_VAGUE_SPAN}|"
    # A duration in words, where it measures something ("half a day", "took most of the day",
    # "down to a week", "in a single afternoon"); not "one day, a customer called".
    r"\b(?:half )?(?:an?|one) (?:(?:full|whole|single|working|entire) )?(?:day|week|month|hour|"
    r"minute|morning|afternoon|evening|night|shift|sprint|year)\b(?! (?:ago|later)\b)|"
    r"\b(?:(?:most|half|all|the rest) of (?:the|a|my|our)|the (?:whole|full|entire)) (?:day|"
    r"week|morning|afternoon|month|shift|sprint)\b|"
    # Not the first half of a compound ("a double-charging bug", "double-checked").
    rf"\b(?:half|twice|double[ds]?|tripled?|a third|a quarter|one in \w+|zero)\b(?!-[a-z])|"
    # A count of none is a figure too ("no falls, no missed medications": zero of each).
    # Not "no longer blocks", nor the noun ("a no lands better").
    r"\b(?:no|zero)(?<!\ba no) (?!(?:easy|real|simple|clear|good|right|other|big|major|single|"
    r"such|obvious|perfect|magic|longer) )(?:[a-z-]{3,} )?[a-z]{2,}[^s\W]s\b(?! (?:of|to)\b)|"
    # … and so is no harm done ("she took it correctly with no harm").
    r"(?:(?<=\bwith )|(?<=\band )|(?<=\bcaused )|(?<=\bcame to ))no (?:harm|injury|damage)\b|"
    # … and none of a kind of failure, said in the singular ("with no severity-one defect").
    r"(?<=\bwith )no (?:[a-z-]{3,} )?(?:downtime|defect|error|incident|outage|complaint|bug|"
    r"breach)(?=[.,;!]| (?:and|or|in|for|since|at|from|after|during|on)\b|$)|"
    # … and so is none of one thing ("not a single bale", "not one lamb", "no ewe had …").
    r"\bnot one [a-z-]{3,}\b|\b(?:not|never) (?:[a-z]+ ){0,2}a single [a-z-]{3,}\b|"
    r"\bno (?!one\b|way\b|doubt\b|matter\b)[a-z]{3,} (?:had|has|was|were|did|came|went)\b|"
    # A count of people who did something ("Six agreed, and four of those signed").
    rf"\b(?:{_EN_COUNT_WORDS})"
    rf"(?= of (?:them|those|these|us|the|our|my)\b| (?:{_EN_COUNT_VERBS})\b)|"
    # A count past ten of anything is data ("thirty invoices", "a dozen pallets"); "two
    # things", "three ways" are not.
    r"\b(?:eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"(?:a |one |two |three |several )?hundred|a dozen|dozens of) (?:[a-z-]{3,} )?[a-z-]{2,}s\b)"
)
_KO_UNIT_LIST = [
    "%포인트",
    "%p",
    "%",
    "퍼센트",
    "포인트",
    "배",
    "명",
    "건",
    "개월",
    "개",
    "원",
    "만",
    "억",
    "천",
    "백",
    "조",
    "주",
    "일",
    "달",
    "년",
    "시간",
    "분",
    "초",
    "ms",
    "회",
    "번",
    "점",
    "위",
    "곳",
    "차",
    "단계",
    "가지",
    "스테이지",
    "팀",
    "달러",
    "시",
    "장",
    "권",
    "편",
    "대",
    "km",
    "kg",
    "GB",
    "MB",
    "TB",
]
# Longest first, so "6개월" is one figure and not "6개" + "월".
_KO_UNITS = "|".join(sorted(set(_KO_UNIT_LIST), key=lambda u: (-len(u), u)))
KO_NUMBER_RE = re.compile(
    # Digits inside a Latin name are part of it ("A319", "S3", "B2B"), as in English.
    # A range is one figure ("3~4일"), and so is a count per something ("5~8씩").
    rf"(?:{_CLOCK}|(?<![A-Za-z\d])\d+(?:[.,]\d+)*(?:\s?[~\u223c\u301c]\s?\d+(?:[.,]\d+)*)?"
    rf"\s?(?:(?:{_KO_UNITS})|씩)?(?:\s?(?:만|억|천)\s?(?:원|명|건))?|"
    # "Once more" is no count ("한 번 더 요약하고", "다시 한번 확인해").
    rf"(?<![가-힣])(?<!다시 )(?!한\s?번\s?더(?![가-힣]))"
    # A particle may follow the count ("세 개의 시스템", "두 달을"); "at once" and "not once"
    # ("한 번에", "한 번도") are no counts.
    rf"(?!한\s?번[에도])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|석|넉|수십|수백|수천|몇십)\s?"
    rf"(?:번|명|개|가지|달|주|시간|곳|건|분|배|차례|팀|해|군데|개월|단계|차)"
    rf"(?=(?:[이을를은는의도과와만씩]|으로|로|이면|면)?(?![가-힣]))|"
    rf"절반|두 배|세 배|열 배|\d+분의 \d+|반으로|"
    # Days counted in native words ("사흘 만에", "이틀에서 하루로", "하루 걸리던 일이 반나절이면"):
    # what a change is measured in. Not "하루 종일", "하루하루", "하루에 한 번" (a rate).
    rf"(?<![가-힣])(?:하루|이틀|사흘|나흘|닷새|엿새|이레|열흘|보름|일주일|반나절|한나절)"
    rf"(?=\s?(?:만에|안에|동안|뒤|후|전|째|간|사이|이내|정도|넘게|(?:[이가]\s?)?걸|이상|만|"
    rf"(?:에서|으로|로|이면|면|씩|가량|쯤|내내|이나|나)(?![가-힣])))|"
    # Figures written as Sino-Korean numerals in hangul ("이백사십 명", "삼백만 원", "일 년");
    # a lone 이/사 is "this"/"buy" far more often than two or four, so a lone digit needs a
    # unit only a number takes.
    # A lone 십/백/만 goes before its unit with a space ("만 원"): "만점", "십분" are words.
    rf"(?<![가-힣])(?:(?:(?:(?:[일이삼사오육칠팔구]?[십백천만억]){{2,}}|[일이삼사오육칠팔구][십백천만억])"
    rf"[일이삼사오육칠팔구]?\s?|[십백천만억][일이삼사오육칠팔구]?\s)(?:{_KO_UNITS}|퍼센트|층|실)|"
    rf"[일삼오육칠팔구]\s?(?:년|개월|퍼센트))(?=(?:[이을를은는에의도과와만씩]|으로|로|째)?(?![가-힣])))"
)

# A result that is none of something is a count (zero): "같은 유형의 누락은 없었습니다",
# "변호인도 검사도 이의가 없었고". Not a lack of means ("방법이 없었습니다", "시간이 없어").
KO_NONE_RE = re.compile(
    r"(?<![가-힣])(?!(?:방법|시간|여유|선택지|대안|답|수|길|방도|경험|권한|예산|인력|자료|정보|"
    r"근거|전례|틈|의미|필요|상관|자신|확신|말|기억)(?:은|는|이|가|도) )"
    r"[가-힣]{1,8}(?:은|는|이|가|도) "
    r"(?:(?:한 번도|전혀|더는|더 이상|다시는|다시) )?없(?:었|어졌|어진)"
)


def count_of_none(text: str, language: str) -> str:
    """The words of a Korean result that counts none of something, else "" (English writes a
    count of none as a figure: see EN_NUMBER_RE)."""
    m = KO_NONE_RE.search(text) if language == "ko" else None
    return m.group(0) if m else ""


# Capitalised words that are not names of anything.
_EN_CAPS_STOP = _words(
    """I I'm I'd I've I'll OK Okay Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays
    January February March April May June July August September October November December
    English Korean The A An And But So Then First Finally After Before When If Our We My
    German French Spanish Italian Portuguese Dutch Russian Polish Swedish Norwegian Danish
    Finnish Greek Turkish Arabic Hebrew Hindi Chinese Mandarin Cantonese Japanese Vietnamese
    Thai Indonesian Year Grade"""
)
# Everyday abbreviations that name no tool or method: identifiers, roles, periods, currencies,
# places, office shorthand ("a customer ID", "the CFO", "in Q3", "my PR", "the ROI case").
_EN_ABBREVIATIONS = _words(
    """ID IDs OK AM PM ETA FAQ FAQs ASAP FYI TBD EOD CEO CFO CTO COO CMO CPO CIO VP SVP EVP HR
    ROI YoY MoM QoQ USD KRW EUR GBP JPY US USA UK EU PR PRs MR MRs TV PC MBA PhD
    GP GPs RN RNs ICU ER NHS HQ CV CVs NGO IT OS UI API APIs DB SaaS B2B B2C AA AAA"""
)
# Job titles and units of people ("the Regional Director", "the Talent Team") name no tool.
_EN_ROLE_RE = re.compile(
    r"(?:Director|Manager|Partner|Officer|Lead|Head|President|Chair|Team|Department|Board|"
    r"Coordinator|Assistant|Supervisor|Analyst|Consultant|Specialist|Executive|Administrator|"
    r"Representative|Nurse|Doctor|Teacher|Principal|Editor|Recruiter|Advisor|Adviser|"
    # ... nor do departments ("the VP of Marketing", "asked Legal").
    r"Marketing|Sales|Finance|Engineering|Operations|Legal|Procurement|Compliance|Accounting)s?"
)
_METHOD_OF_RE = re.compile(r"\b(?:ER|CV) (?:diagrams?|models?|pipelines?)\b")
_PERIOD_RE = re.compile(r"(?:Q[1-4]|H[12]|FY\d{0,4}|[12]H)")
_EN_NAME_RE = re.compile(r"\b[A-Z][A-Za-z0-9+#]*(?: [A-Z][A-Za-z0-9+#]*)*")
_CLAUSE_OPENERS = ':;"('
_ACRONYM_RE = re.compile(r"\b(?:[A-Z]{2,}[A-Za-z0-9]*|[A-Za-z]+\d+[A-Za-z0-9]*|[a-z]+[A-Z]\w*)\b")
# Latin letters right after a figure are its unit ("200ms", "3GB"), not a tool.
# An identifier keeps its underscores ("select_related", "max_connections").
# A product of several capitalised words is one name ("Spring Boot", "Google Analytics").
_LATIN_IN_KO_RE = re.compile(
    r"(?<![0-9A-Za-z_])(?:[A-Za-z][A-Za-z0-9+#./_-]*[A-Za-z0-9+#]|[A-Z])"
    r"(?: [A-Z][A-Za-z0-9+#./_-]*[A-Za-z0-9+#])*"
)


_EN_SMALL_FIGURE = re.compile(
    r"(?:\bfrom|\bto|\bby|\bunder|\bjust) \d\b|\b\d (?:a|an|per|each|every) (?:day|week|month|"
    r"quarter|year|hour|shift|sprint)\b"
)


def find_numbers(text: str, language: str) -> list[str]:
    """Figures in `text` (English text is expected lower-cased: the pattern is)."""
    pattern = KO_NUMBER_RE if language == "ko" else EN_NUMBER_RE
    out = []
    for m in pattern.finditer(text):
        value = m.group(0).strip()
        if _SPAN_IN_WORDS.fullmatch(value) and not _SPAN_LEAD.search(
            text, max(0, m.start() - 8), m.start()
        ):
            continue
        # A bare one-digit number without a unit is usually a list marker or "1 thing", not data,
        # unless it is one end of a change ("from 8 a month to 0") or a rate ("3 a week").
        if re.fullmatch(r"\d", value) and not _EN_SMALL_FIGURE.search(
            text[max(0, m.start() - 6) : m.end() + 14]
        ):
            continue
        # Effort promised in percent ("I give 110%", "200% 노력하겠습니다") measures nothing.
        # ("gave customers 15% off" is a figure: only 100% and more is given as effort.)
        if _PERCENT.search(value) and (
            (
                _at_least_100(value, text[max(0, m.start() - 12) : m.start()])
                and _EFFORT_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            )
            or _EFFORT_AFTER.match(text[m.end() : m.end() + 12])
        ):
            continue
        out.append(value)
    return out


_PERCENT = re.compile(r"%|percent|퍼센트|프로")


def _at_least_100(value: str, before: str) -> bool:
    return bool(re.search(r"\d{3,}", value) or re.search(r"hundred(?: and)?\s*$", before.lower()))


_EFFORT_BEFORE = re.compile(r"\b(?:give|gives|giving|gave)\b[^.,\d]{0,24}$", re.I)
_EFFORT_AFTER = re.compile(
    r"\s*(?:의|를|을|로)?\s*(?:노력|최선|다하|쏟|열정)|\s*(?:of )?(?:effort|myself)\b", re.I
)


def find_names(text: str, language: str, index: TermIndex | None = None) -> list[str]:
    """Tools, products, methods and organisations the answer names (deduplicated, in order)."""
    names: list[str] = []
    if language == "ko" or HANGUL_RE.search(text):
        names.extend(m.group(0) for m in _LATIN_IN_KO_RE.finditer(text) if len(m.group(0)) >= 2)
        index = index or TermIndex(text)
        names.extend(m.shown for m in index.match_all(TOOLS_KO))
    else:
        names.extend(m.group(0) for m in _ACRONYM_RE.finditer(text))
        # ... and an abbreviation that is also a person or place names a method before its noun
        # ("an ER diagram", "a CV model"; not "the ER", "my CV").
        names.extend(m.group(0) for m in _METHOD_OF_RE.finditer(text))
        for sentence in split_sentences(text):
            names.extend(_en_capitalised(sentence))
        places = place_names(text)
        # A product of several words is one tool ("ONNX Runtime"), not its words one by one.
        parts = {w.lower() for name in names if " " in name for w in name.split()}
        names = [
            n
            for n in names
            if not any(w.lower() in places for w in n.split())
            and not _EN_ROLE_RE.fullmatch(n.split()[-1])
            and (" " in n or n.lower() not in parts)
        ]
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.lower()
        if (
            name in _EN_CAPS_STOP
            or name in _EN_ABBREVIATIONS
            or _PERIOD_RE.fullmatch(name)
            or key in seen
            or len(name) < 2
        ):
            continue
        seen.add(key)
        out.append(name)
    return out


def _en_capitalised(sentence: str) -> list[str]:
    """Runs of capitalised words in one sentence, each run one name."""
    out = []
    for m in _EN_NAME_RE.finditer(sentence):
        words = m.group(0).split()
        before = sentence[: m.start()].rstrip()
        # A capital that opens a sentence, a clause or a list item names nothing, and neither
        # does a gerund that opens one ("Reading the whole book is …", "- Checking the logs").
        opens = not before or before[-1] in _CLAUSE_OPENERS
        gerund = words[0].endswith("ing") and not before[-1:].isalnum() and before[-1:] != ","
        if opens or gerund:
            words = words[1:]
        run: list[str] = []
        for word in [*words, ""]:
            if word and not (
                word in _EN_CAPS_STOP or word in _EN_ABBREVIATIONS or _PERIOD_RE.fullmatch(word)
            ):
                run.append(word)
                continue
            if run:
                out.append(" ".join(run))
            run = []
    return out


@dataclass(frozen=True)
class SpecificitySignals:
    numbers: list[str]  # distinct figures, in order
    names: list[str]
    action_sentences: list[int]
    me: int
    we: int
    vague: dict[str, int]  # vague word -> count
    examples: list[str]
    quantified_results: list[int]  # sentences that state an outcome with a figure
    unquantified_results: list[int]  # sentences that state an outcome without one


def analyze_specificity(
    tagged: list[TaggedSentence], text: str, language: str, index: TermIndex
) -> SpecificitySignals:
    numbers: list[str] = []
    for t in tagged:
        for n in t.numbers:
            if n not in numbers:
                numbers.append(n)
    vague: dict[str, int] = {}
    for t in tagged:
        for word in t.vague:
            vague[word] = vague.get(word, 0) + 1
    results = [t for t in tagged if "result" in t.phases]
    return SpecificitySignals(
        numbers=numbers,
        names=find_names(text, language, index),
        action_sentences=[t.index for t in tagged if t.concrete_action],
        me=sum(t.me for t in tagged),
        we=sum(t.we for t in tagged),
        vague=vague,
        examples=[t.example for t in tagged if t.example],
        quantified_results=[t.index for t in results if t.numbers or t.none],
        unquantified_results=[t.index for t in results if not (t.numbers or t.none)],
    )
