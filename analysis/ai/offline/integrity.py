"""What the answer is, before how good it is: text addressed to the evaluator, repeated
sentences, fillers, insults, the other language, and which sentences answer the question asked.

`screen` runs on the raw text and returns the sentences worth scoring plus what was set aside;
`judge_relevance` decides, sentence by sentence, which of them answer *this* question. Both are
lexical and deterministic: a question's topic terms (its own words, expected keywords, and a
small thesaurus of interview concepts in both languages) against each sentence, with a sentence
that shares the answer's core vocabulary counted as part of the same answer."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .text import (
    EN_QUESTION_WORDS,
    KO_QUESTION_WORDS,
    content_stem,
    detect_language,
    split_paragraphs,
    split_sentences,
    tokens,
)
from .topics import TOPICS

# --- text addressed to the evaluator -------------------------------------------------------

# Always an instruction to whoever scores the answer, never part of an answer.
_DIRECTED_STRONG = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|preceding) "
    r"(?:instructions?|prompts?|rules|messages?)|"
    r"(?:disregard|ignore|override) (?:the |your |all )?(?:scoring|grading|rubric|rules|"
    r"instructions?|criteria)|system (?:note|prompt|message|instruction)|"
    r"\bassistant\s*:|\byou are now\b|\bas an ai\b|"
    r"(?:output|return|print|respond with|set) (?:a |the )?(?:total|score|scores|grade)\b|"
    r"\b25\s*/\s*25\b|\b100\s*/\s*100\b|\bfull marks\b|"
    r"\b(?:score|rate|grade|mark) (?:it|this|me|this answer) (?:a |an )?\d+\b|"
    r"\btotal (?:of )?100\b|"
    r"시스템 ?(?:안내|지시|메시지|프롬프트|공지)|이전 지시|지시(?:를|사항을)? 무시|프롬프트|"
    r"(?:총점|점수를?) ?\d+ ?점(?:을|으로)? (?:출력|부여|주십|줘|주세요|매겨)|"
    r"만점을 (?:주|부여|출력)|"
    r"모든 (?:항목|기준|영역)에 ?\d+ ?점",
    re.IGNORECASE,
)
# Who is addressed, and what is asked of them: both must be there.
_DIRECTED_ADDRESS = re.compile(
    r"\b(?:evaluator|grader|assessor|examiner|scorer|whoever is (?:grading|scoring|reading)|"
    r"dear (?:reviewer|interviewer|ai|model)|to the (?:ai|model|reviewer))\b|"
    r"(?:채점자|평가자|심사위원|면접관)(?:님)?(?:께|에게|께서|은|는|님)",
    re.IGNORECASE,
)
_DIRECTED_DEMAND = re.compile(
    r"\b(?:highest|maximum|max|perfect|top|full|best) (?:score|mark|marks|grade|rating)s?\b|"
    r"\b(?:give|rate|score|mark|grade|award)\b[^.]{0,30}\b(?:25|100|full|highest|maximum|"
    r"perfect|top)\b|\bmodel answer\b|\bevery (?:criterion|point you)|"
    r"최고점|만점|최고 점수|\d+ ?점을? (?:주|부여)|모범 ?답안|모든 기준을 충족",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\[[^\[\]]{0,600}\]|\([^()]{0,600}\)|\{[^{}]{0,600}\}")


def is_directed(text: str) -> bool:
    """Whether `text` speaks to the evaluator rather than to the question."""
    return bool(
        _DIRECTED_STRONG.search(text)
        or (_DIRECTED_ADDRESS.search(text) and _DIRECTED_DEMAND.search(text))
    )


# --- fillers, insults, register ------------------------------------------------------------

_KO_FILLER = re.compile(
    r"(?<![가-힣])(?:음+|어+|그러니까|뭐랄까|저기|막|아+|에+|으+음)(?![가-힣])[,.…]*\s*"
)
_EN_FILLER = re.compile(r"\b(?:um+|uh+|erm+|you know|i mean|like,)\s*[,…]*\s*", re.IGNORECASE)
# Insults and contempt that the profanity filter lets through: they are not swear words, but
# an interviewer hears them.
_EN_INSULT = re.compile(
    r"\b(?:idiots?|morons?|moronic|imbeciles?|dumbass(?:es)?|stupid (?:people|customers?|clients?|"
    r"users?|colleagues?|managers?|team)|whin(?:ing|er|ers|e)|losers?|clueless|brain-?dead|"
    r"retards?|retarded)\b",
    re.IGNORECASE,
)
_KO_INSULT = re.compile(
    r"진상|멍청|바보같|바보 같|한심한|한심해|무식한|무식해|또라이|꼰대|찌질|떠들지|떠들어|"
    r"개념 ?없는|짜증나는 (?:고객|사람|동료)|머리가 나쁜"
)


def has_insult(text: str) -> bool:
    return bool(_EN_INSULT.search(text) or _KO_INSULT.search(text))


# 반말 sentence endings ("했어", "할 거야", "했지"): no 요, no 니다.
_KO_BANMAL = re.compile(
    r"(?:거야|했어|였어|었어|았어|할게|했지|하자|잖아|거든|는데|했다고|이야|냐|니)[.!?…\"']*$"
)
_KO_POLITE_END = re.compile(r"(?:니다|니까|요|죠)[.!?…\"']*$")


@dataclass
class Screen:
    """What `screen` found and what it kept."""

    answer_language: str
    sentences: list[tuple[str, int]]  # (sentence, paragraph) worth scoring, in order
    directed: int = 0  # spans or sentences addressed to the evaluator, set aside
    directed_texts: list[str] = field(default_factory=list)
    cleaned: str = ""  # the answer without the text addressed to the evaluator
    repeats: int = 0  # sentences dropped as repeats of an earlier one
    max_repeat: int = 1  # how often the most repeated sentence appears
    fillers: Counter[str] = field(default_factory=Counter)
    insults: list[str] = field(default_factory=list)
    banmal: int = 0
    polite: int = 0
    total_sentences: int = 0


def _signature(sentence: str) -> frozenset[str]:
    return frozenset(s for s in map(content_stem, tokens(sentence)) if s)


def screen(text: str, *, hint: str) -> Screen:
    """Sets aside evaluator-directed text, repeated sentences and fillers; finds insults."""
    language = detect_language(text, default=hint)
    directed = 0

    directed_texts: list[str] = []

    def drop_bracketed(m: re.Match[str]) -> str:
        nonlocal directed
        if is_directed(m.group(0)):
            directed += 1
            directed_texts.append(m.group(0))
            return " "
        return m.group(0)

    text = _BRACKETED.sub(drop_bracketed, text)
    pairs: list[tuple[str, int]] = []
    for p, paragraph in enumerate(split_paragraphs(text)):
        for sentence in split_sentences(paragraph):
            pairs.append((sentence, p))
    out = Screen(
        answer_language=language,
        sentences=[],
        directed=directed,
        directed_texts=directed_texts,
    )
    out.total_sentences = len(pairs)
    kept_raw: dict[int, list[str]] = {}
    seen: list[frozenset[str]] = []
    counts: Counter[frozenset[str] | str] = Counter()
    for sentence, p in pairs:
        if is_directed(sentence):
            out.directed += 1
            out.directed_texts.append(sentence)
            continue
        kept_raw.setdefault(p, []).append(sentence)
        filler_re = _KO_FILLER if language == "ko" else _EN_FILLER
        found = [m.group(0).strip(" ,.…").lower() for m in filler_re.finditer(sentence)]
        if found:
            out.fillers.update(found)
            sentence = filler_re.sub("", sentence).strip()
            sentence = sentence[:1].upper() + sentence[1:] if language == "en" else sentence
        if not re.search(r"\w", sentence):
            continue
        out.insults.extend(
            m.group(0) for m in (_KO_INSULT if language == "ko" else _EN_INSULT).finditer(sentence)
        )
        if language == "ko":
            out.banmal += bool(_KO_BANMAL.search(sentence))
            out.polite += bool(_KO_POLITE_END.search(sentence))
        # A repeat is the same sentence, or one with the same content words (near-verbatim).
        key = _signature(sentence)
        plain = re.sub(r"\W+", " ", sentence.lower()).strip()
        duplicate = plain in counts or (
            len(key) >= 3 and any(len(key & k) / len(key | k) >= 0.85 for k in seen)
        )
        counts[plain] += 1
        if duplicate:
            out.repeats += 1
            continue
        seen.append(key)
        out.sentences.append((sentence, p))
    out.max_repeat = max([1, *counts.values()])
    out.cleaned = "\n\n".join(" ".join(ss) for ss in kept_raw.values())
    out.insults = list(dict.fromkeys(i.lower() if language == "en" else i for i in out.insults))
    return out


# --- relevance to the question asked --------------------------------------------------------

# Interview concepts and the words an answer about them uses although the question does not.
# Stems as content_stem gives them (English suffixes stripped; Korean particle-free).
_THESAURUS_EN = {
    "perform": "fast faster slow slower speed latency hour minut second millisecond ms profil "
    "optimiz bottleneck throughput p95 p99 timeout load quick",
    "slow": "fast faster speed latency hour minut second millisecond ms profil optimiz "
    "bottleneck throughput p95 p99 timeout quick",
    "url": "dns tcp tls http https ip browser domain server request",
    "browser": "dns tcp tls http https ip html dom render url",
    "conflict": "disagre disagreement argu argument oppos push back pushed compromis "
    "agre consensus debate tension",
    "disagre": "conflict argu oppos push compromis agre consensus debate",
    "colleague": "teammat coworker peer senior engineer manager developer",
    "campaign": "ads ad instagram channel launch promotion utm cpa cac roas",
    "budget": "spend cost won dollar pound cpa cac cheap",
    "measur": "metric kpi utm holdout attribution track dashboard conversion rate roi",
    "customer": "client caller buyer user",
    "angry": "upset apolog complaint frustrat calm",
    "late": "delay delayed deliver delivery carrier shipping",
    "design": "architectur component scale shard partition replica cache database store",
    "shorten": "short code base62 redirect hash id",
    "link": "url short code redirect",
    "deal": "contract sign signed negotiat close prospect",
    "debug": "bug log trace reproduc root cause fix incident",
    "improv": "reduc cut faster increas better",
    "production": "incident outage deploy rollback on-call error fail failing checkout alert "
    "timeout crash",
    "fix": "fixed bug root cause patch resolv repair",
    "serious": "critical outage urgent sever",
    "efficien": "fast faster hour minut overtim cost sav reduc cut throughput rate per waste "
    "manual autom productiv pick",
    "process": "step workflow procedur manual autom checklist handoff",
    "decision": "decid chose choos approv cancel drop kept",
    "analysis": "data query model dashboard found cohort chart",
    "expensiv": "price pric cost discount cheaper roi valu budget",
    "respond": "ask reply answer acknowledg",
    "prioriti": "priority roadmap backlog impact effort",
}
_THESAURUS_KO = {
    "성능": "속도 느려 느린 빠르 응답 지연 병목 처리량 부하 캐시 인덱스 쿼리 프로파일링 최적화",
    "속도": "느려 느린 빠르 응답 지연 병목 처리량 부하 캐시 인덱스 쿼리 프로파일링 최적화 ms",
    "응답": "속도 느려 지연 병목 캐시 인덱스 쿼리 APM ms",
    "충돌": "갈등 부딪 반대 논쟁 이견 설득 합의 절충 의견 동의",
    "의견": "충돌 갈등 반대 논쟁 이견 설득 합의 절충 동의 제안",
    "동료": "선임 팀원 동료 개발자분 상사 후배 선배",
    "출시": "런칭 론칭 오픈 출시 GTM 요금제 신제품",
    "전략": "타깃 채널 가격 포지셔닝 파트너 메시지 세그먼트",
    "GTM": "타깃 채널 가격 포지셔닝 파트너 출시",
    "고객": "고객님 손님 소비자 구매자",
    "배송": "택배 물류 도착 지연 주문 배송비 출고",
    "화": "사과 불만 항의 진정 공감",
    "캠페인": "광고 채널 인스타그램 프로모션 UTM CPA CAC ROAS",
    "예산": "비용 광고비 원 만원 CPA CAC",
    "원인": "병목 로그 분석 확인 APM 실행 계획",
    "개선": "줄였 단축 높였 낮췄 개선",
    "트래픽": "서버 증설 스케일 부하 동시 접속 요청",
    "느려": "속도 지연 병목 응답 캐시 인덱스 쿼리 서버 증설",
    "스키마": "마이그레이션 테이블 컬럼 인덱스 롤백 DB 데이터베이스 배포",
    "데이터베이스": "DB 테이블 쿼리 마이그레이션 인덱스 컬럼",
    "디자인": "컴포넌트 토큰 가이드 피그마 스타일 색상 버튼 디자이너 UI",
    "시스템": "컴포넌트 가이드 라이브러리 규칙 문서화",
    "우선순위": "로드맵 백로그 일정 순위 미루 먼저",
    "데이터": "지표 분석 로그 수치 숫자 앰플리튜드 GA",
}


def _stem_set(words: str) -> set[str]:
    out = set()
    for tok in tokens(words):
        s = content_stem(tok)
        out.add((s or tok).lower())
    return out


def _expand(stems: set[str]) -> set[str]:
    extra: set[str] = set()
    for table in (_THESAURUS_EN, _THESAURUS_KO):
        for key, related in table.items():
            key_stem = (content_stem(key) or key).lower()
            if _prefix_hit(key_stem, stems) or key.lower() in stems:
                extra |= _stem_set(related)
    return extra


# Question words that name no topic ("handle", "improve", "경험", "해결"): half weight.
_GENERIC = (
    _stem_set(
        "improve problem issue result handle solve work time happen step type press enter call "
        "small big second first ran run use used made make get got went take took "
        "해결 문제 결과 개선 경험 상황 방법 진행 사례"
    )
    | {w for w in EN_QUESTION_WORDS}
    | {w for w in KO_QUESTION_WORDS}
)


def sentence_stems(sentence: str) -> set[str]:
    out = set()
    for tok in tokens(sentence):
        s = content_stem(tok)
        if s:
            out.add(s.lower())
        elif tok[:1].isascii() and tok[:1].isalpha() and len(tok) >= 2 and tok.isupper():
            out.add(tok.lower())  # acronyms: "DNS", "CAC"
    return out


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=131072)
def _same_word(a: str, b: str) -> bool:
    """Stems of one word: "decid" ~ "decision", "느려" ~ "느려졌", "순위" ~ "우선순위"."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if "가" <= a[:1] <= "힣" and "가" <= b[:1] <= "힣":
        if len(short) < 2:
            return False
        return short in long or (len(short) >= 3 and _common_prefix(a, b) >= 2)
    return len(short) >= 4 and _common_prefix(a, b) >= max(4, len(short) - 1)


def _prefix_hit(stem: str, terms: set[str]) -> bool:
    return stem in terms or any(_same_word(stem, t) for t in terms)


@dataclass(frozen=True)
class Relevance:
    judged: bool  # False when the answer is in the other language: lexical overlap says nothing
    topic_hits: float  # weighted count of the question's topic terms found in the answer
    off_topic: bool
    copied: bool
    echo: list[int]  # sentences that restate the question
    padding: list[int]  # sentences unrelated to the question and to the answer's own core
    relevant: list[int]  # sentences that answer the question


_SHIFT = re.compile(
    r"^(?:another thing|also,|besides|in addition,? i|on (?:another|a different) note|"
    r"apart from that|separately|또한?,? |그리고 (?:또|다른)|그 밖에|이 외에도|이외에도|"
    r"다른 (?:경험|이야기)|"
    r"그리고 [^.]{0,40}(?:경험도|일도) )",
    re.IGNORECASE,
)


def _segments(paragraphs: list[int], sentences: list[str]) -> list[list[int]]:
    """Sentence indexes grouped by paragraph, split again where a new story starts."""
    out: list[list[int]] = []
    for i, (p, sentence) in enumerate(zip(paragraphs, sentences, strict=True)):
        if not out or p != paragraphs[i - 1] or _SHIFT.search(sentence):
            out.append([i])
        else:
            out[-1].append(i)
    return out


@dataclass(frozen=True)
class _BankTopic:
    phrase: set[str]
    keywords: set[str]


def _bank() -> list[_BankTopic]:
    """The generator's topic bank (both languages): subjects interview questions are about."""
    global _BANK
    if _BANK is None:
        _BANK = [
            _BankTopic(sentence_stems(phrase), set().union(*(sentence_stems(k) for k in keywords)))
            for topics in TOPICS.values()
            for t in topics
            for phrase, keywords in ((t.en, t.en_keywords), (t.ko, t.ko_keywords))
        ]
    return _BANK


_BANK: list[_BankTopic] | None = None


def _fit(stems: set[str], terms: set[str]) -> int:
    return sum(1 for t in terms if _prefix_hit(t, stems))


def judge_relevance(
    question: str,
    expected: tuple[str, ...],
    sentences: list[str],
    paragraphs: list[int] | None = None,
    *,
    judged: bool = True,
) -> Relevance:
    q_stems = sentence_stems(question)
    topic = {s for s in q_stems if s not in _GENERIC}
    generic = q_stems - topic
    for keyword in expected:
        topic |= sentence_stems(keyword)
    # Subjects of the topic bank the question is about lend their keywords as related terms
    # ("debug a production issue" -> rollback, root cause, monitoring).
    own_topics = [b for b in _bank() if _fit(topic, b.phrase) >= 1]
    related = _expand(q_stems) - q_stems
    for b in own_topics:
        related |= b.keywords
    per_sentence = [sentence_stems(s) for s in sentences]
    n = len(sentences)
    everything = set().union(*per_sentence) if per_sentence else set()
    # Each stem's relation to the question, worked out once (fuzzy matching is the cost here).
    in_question = {s for s in everything if _prefix_hit(s, q_stems)}
    in_topic = {s for s in everything if _prefix_hit(s, topic)}
    near = {s for s in everything if s in generic or _prefix_hit(s, related)} - in_topic

    # Restating the question: most content words are the question's, little is new.
    echo = []
    for i, stems in enumerate(per_sentence):
        if not stems:
            continue
        from_question = [s for s in stems if s in in_question]
        novel = len(stems) - len(from_question)
        if len(from_question) / len(stems) >= 0.5 and novel <= 3:
            echo.append(i)
    novel_total = set().union(*per_sentence) - q_stems if per_sentence else set()
    copied = n > 0 and len(echo) >= max(1, n * 0.5) and len(novel_total) <= 10

    def hits(stems: set[str]) -> float:
        return len(stems & in_topic) + 0.5 * len(stems & near)

    topic_hits = hits(everything)
    strong_hits = len(everything & in_topic)
    if not judged or n == 0:
        return Relevance(False, topic_hits, False, copied, echo, [], list(range(n)))

    # Padding: a later stretch of the answer (a paragraph, or a new story within one) that
    # touches neither the question nor the vocabulary of the part that does.
    segments = _segments(paragraphs or [0] * n, sentences)
    padding: list[int] = []
    core: set[str] = set()
    for segment in segments:
        stems = set().union(*(per_sentence[i] for i in segment))
        if not core:
            if hits(stems) >= 1.0:
                core |= stems
            continue
        shared = len(stems & core) / max(len(stems), 1)
        strong = len(stems & in_topic)
        if strong == 0 and hits(stems) < 2.0 and shared < 0.2:
            padding.extend(segment)
        else:
            core |= stems
    # Too little text to tell a different subject from a thin answer: that is the rubric's job.
    substantial = n >= 3 and sum(len(t) for t in sentences) >= 160
    # Words merely near the subject ("cost" for a budget question) are weak evidence: an answer
    # about something else uses a few of them too.
    # An answer that fits another subject of the bank well, and this question not at all, is
    # an answer to a different question.
    off_topic = substantial and strong_hits == 0 and not copied and topic_hits < 3.5
    if off_topic and topic_hits >= 2.0:
        elsewhere = max(
            (_fit(everything, b.keywords | b.phrase) for b in _bank() if b not in own_topics),
            default=0,
        )
        own_fit = max((_fit(everything, b.keywords) for b in own_topics), default=0)
        off_topic = elsewhere >= max(2, 2 * own_fit + 1)
    dropped = set(padding) | set(echo)
    relevant = [i for i in range(n) if i not in dropped]
    return Relevance(True, topic_hits, off_topic, copied, echo, padding, relevant)
