"""Which sentences answer the question asked: the question's topic terms (its own words,
expected keywords, a small bilingual thesaurus of interview concepts, and the generator's topic
bank) against each sentence; a later stretch that touches neither the question nor the answer's
own core is padding; an answer with no topic term of the question is off topic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .digressions import (
    ADDITIVE,
    ANNOUNCED,
    CARRIES_ON,
    LEISURE,
    MENTION,
    PLAN,
    POINTS_BACK,
    SHIFT_LEAD,
    segments,
)
from .restatement import EMPTY, restatement
from .selfportrait import asks_about_speaker
from .standins import stand_ins_for, stands_in
from .text import HANGUL_RE, content_stem
from .thesaurus import COMPETENCIES, THESAURUS_EN, THESAURUS_KO, TOLD_BY_EN, TOLD_BY_KO
from .topics import TOPICS
from .word_lists import (
    EN_QUESTION_WORDS,
    EVERYDAY_WORDS,
    KO_QUESTION_WORDS,
    QUESTION_FRAMING,
    RANK_WORDS,
)
from .wordmatch import StemIndex, prefix_hit, same_word, sentence_stems, stem_set

# --- relevance to the question asked --------------------------------------------------------


@lru_cache(maxsize=2)
def _thesaurus_stems(told: bool = False) -> tuple[tuple[str, str, frozenset[str]], ...]:
    tables = (TOLD_BY_EN, TOLD_BY_KO) if told else (THESAURUS_EN, THESAURUS_KO)
    return tuple(
        ((content_stem(key) or key).lower(), key.lower(), frozenset(stem_set(related)))
        for table in tables
        for key, related in table.items()
    )


@lru_cache(maxsize=65536)
def _related_to(stem: str, told: bool = False) -> frozenset[str]:
    out: set[str] = set()
    for key_stem, key, related in _thesaurus_stems(told):
        # same_word needs a shared first letter or one word inside the other: a cheap test first.
        if key_stem[:1] not in stem and stem[:1] not in key_stem:
            continue
        if same_word(key_stem, stem) or key == stem:
            out |= related
    return frozenset(out)


def expand(stems: set[str], *, question: bool = False) -> set[str]:
    """The thesaurus's related words of `stems`, worked out stem by stem and cached (each
    answer's question and, in bankmatch.py, the whole bank); for a `question`, also the words
    its events are told by (TOLD_BY_EN, TOLD_BY_KO)."""
    out: set[str] = set()
    for stem in stems:
        out |= _related_to(stem)
    return out | told_by(stems) if question else out


def told_by(stems: set[str]) -> set[str]:
    """The words the events named by `stems` (a question's) are told by (TOLD_BY_EN, _KO)."""
    out: set[str] = set()
    for stem in stems:
        out |= _related_to(stem, True)
    return out


# Question words that name no topic ("handle", "improve", "경험", "해결"): half weight.
_GENERIC = (
    stem_set(
        "improve problem issue result handle solve work time happen step type press enter call "
        "small big second first ran run use used made make get got went take took "
        "해결 문제 결과 개선 경험 상황 방법 진행 사례"
    )
    | {w for w in EN_QUESTION_WORDS}
    | {w for w in KO_QUESTION_WORDS}
)


class BankVerdict(Protocol):
    ratio: float  # similarity to the question asked over that to the closest other one
    places_here: bool  # nearer the question asked than any other, and near enough to mean it


@dataclass(frozen=True)
class Relevance:
    judged: bool  # False when the answer is in the other language: lexical overlap says nothing
    topic_hits: float  # weighted count of the question's topic terms found in the answer
    off_topic: bool
    copied: bool
    echo: list[int]  # sentences that restate the question
    padding: list[int]  # sentences unrelated to the question and to the answer's own core
    relevant: list[int]  # sentences that answer the question
    # Enough text to tell, and found on the question's subject (a thin answer is not judged).
    on_topic: bool = False


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
BANK_RATIO = 0.6
BANK_RATIO_BARE = 0.2
BANK_NEAR_BARE = 0.18


_EVERYDAY = stem_set(EVERYDAY_WORDS)


_COMPETENT = stem_set(COMPETENCIES)
# Words that frame a question ("dealt with", "faced", 업무 중에) count as its words when an answer
# says them ("The hardest thing I faced…"), but they name no subject to find related words of:
# "dealt" is no "deal" (close, sign).
_FRAMING = stem_set(" ".join(QUESTION_FRAMING))
# ... and, in a question that asks to see a quality, so do 목표 and 달성 ("목표를 달성한 경험").
_FRAMING_OF_QUALITY = _FRAMING | stem_set("목표 달성")


def _shared(stems: set[str], core: set[str]) -> float:
    """The share of a stretch's words that the answer's core already uses, everyday words
    left out."""
    own = stems - _EVERYDAY
    return len(own & core) / max(len(own), 1)


# Counts, times and "important" name no subject either: half weight as question words; nor do
# the workplace and its people ("회사 블로그": the blog is the subject), nor a rank (RANK_WORDS).
_RANK = stem_set(RANK_WORDS)
_GENERIC = (
    _GENERIC | _EVERYDAY | EMPTY | _RANK | stem_set("quarter half 분기 반기 company 회사 직원")
)


def judge_relevance(
    question: str,
    expected: tuple[str, ...],
    sentences: list[str],
    paragraphs: list[int] | None = None,
    *,
    judged: bool = True,
    bank: Callable[[list[str]], BankVerdict | None] | None = None,
) -> Relevance:
    """`bank` (bankmatch.py): for the given sentences, how they compare with the question asked
    and with the closest other question of the bank."""
    q_stems = sentence_stems(question)
    topic = {s for s in q_stems if s not in _GENERIC}
    generic = q_stems - topic
    for keyword in expected:
        topic |= sentence_stems(keyword)
    stand_ins = stand_ins_for(topic)  # "boss" for "manager", "선배" for "동료"
    # Subjects of the topic bank the question is about lend their keywords as related terms
    # ("debug a production issue" -> rollback, root cause, monitoring).
    asked = StemIndex(topic | stand_ins)
    own_topics = [b for b in _bank() if asked.fit(b.phrase) >= 1]
    related = expand(q_stems - _FRAMING) - q_stems
    # What the question's event is told by (502s and a rollback for an outage) is as good a sign
    # of it as its word, said in a word of its own; it is not the question's word itself.
    told = told_by(q_stems - _FRAMING) - q_stems
    for b in own_topics:
        related |= b.keywords
    per_sentence = [sentence_stems(SHIFT_LEAD.sub("", s, count=1)) for s in sentences]
    n = len(sentences)
    everything = set().union(*per_sentence) if per_sentence else set()
    # Each stem's relation to the question, worked out once (fuzzy matching is the cost here:
    # an index compares a stem only with the terms that could be its word).
    of_question, of_topic, of_related = StemIndex(q_stems), StemIndex(topic), StemIndex(related)
    of_told = StemIndex(told)
    in_question = {s for s in everything if of_question.hit(s)}
    in_topic = {s for s in everything if of_topic.hit(s) or stands_in(s, stand_ins)}
    telling = {s for s in everything if of_told.hit(s)} - in_topic
    near = {s for s in everything if s in generic or of_related.hit(s)} - in_topic - telling

    per_keyword = tuple(frozenset(sentence_stems(k)) for k in expected)
    echo, copied = restatement(question, per_keyword, sentences, per_sentence, in_question)

    def hits(stems: set[str]) -> float:
        return len(stems & in_topic) + len(stems & telling) + 0.5 * len(stems & near)

    topic_hits = hits(everything)
    strong_hits = len(everything & in_topic)
    if not judged or n == 0:
        return Relevance(False, topic_hits, False, copied, echo, [], list(range(n)))

    # Padding: a later stretch of the answer (a paragraph, or a new story within one) that
    # touches neither the question nor the vocabulary of the part that does.
    padding: list[int] = []
    core: set[str] = set()

    def unrelated(stems: set[str]) -> bool:
        return not (stems & in_topic) and hits(stems) < 2.0 and _shared(stems, core) < 0.2

    def aside(i: int) -> bool:
        # An announced side remark that names a word or two of the question in passing ("the
        # history of underwriting") among many of its own, none of the answer's, and is no step
        # of the speaker's ("I would also ask…", "…여쭤 보겠습니다").
        stems = per_sentence[i]
        own = stems - _EVERYDAY
        return (
            not PLAN.search(sentences[i])
            and len(stems & in_topic) <= 2
            and hits(stems) < 0.25 * len(own)
            and _shared(stems, core) < 0.2
        )

    def continues(stems: set[str], told: set[str]) -> bool:
        return (
            len(stems & in_topic) <= 1
            and hits(stems) < 2.0
            and _shared(stems, core) < 0.2
            and any(prefix_hit(s, told) for s in stems - _EVERYDAY)
        )

    paragraph_of = paragraphs or [0] * n

    def follows_story(i: int, text: str) -> bool:
        """Sentence `i` goes on from the story in its own paragraph, and is no aside."""
        aside = LEISURE.search(text) or MENTION.search(text)
        return (
            i > 0 and paragraph_of[i - 1] == paragraph_of[i] and i - 1 not in padding and not aside
        )

    speaker = asks_about_speaker(question)
    queue = segments(paragraph_of, sentences)
    told_so_far: set[str] = set()  # what was told before any of it read as the answer's core
    anchored = False  # whether the core holds a stretch that names the question's subject
    between: list[tuple[list[int], set[str]]] = []  # paragraphs set aside, with their words
    while queue:
        segment, digression = queue.pop(0)
        if digression and not anchored and told_so_far:
            # The story so far never named the question's words (a team that was struggling
            # told by sick days and handling times): too little to tell a step told in new words
            # from a digression by its words. Only a remark announced as one ("By the way…")
            # or time off work ("I also joined a salsa class…") is set aside, compared with that
            # story; anything else is the story going on.
            opening = sentences[segment[0]]
            core |= told_so_far - _GENERIC
            if not (ANNOUNCED.search(opening) or LEISURE.search(opening)):
                core |= set().union(*(per_sentence[i] for i in segment))
                continue
        if digression and not core:
            # Nothing to compare with yet: the part of the paragraph that answers the question
            # is judged first, the digression after it.
            back = next((k for k in range(1, len(segment)) if hits(per_sentence[segment[k]])), 0)
            if back:
                queue[:0] = [(segment[back:], False), (segment[:back], True)]
                continue
        if digression and core:
            # A digression announced inside a paragraph ("By the way…", "참고로…") lasts while
            # its sentences stay off the subject; the rest of the paragraph is judged on its own.
            # Once it has started, a sentence that goes on with its subject ("…two interns. I
            # met each of them weekly, helped them plan their projects") is still the digression,
            # one word of the question in passing or not.
            run, told = 0, set()
            announced = bool(ANNOUNCED.search(sentences[segment[0]]))
            while run < len(segment) and (
                unrelated(per_sentence[segment[run]])
                or continues(per_sentence[segment[run]], told)
                or (run == 0 and announced and aside(segment[0]))
            ):
                # The question's words an aside names in passing do not carry it on.
                told |= per_sentence[segment[run]] - _EVERYDAY - in_topic
                run += 1
            first = sentences[segment[0]]
            after = per_sentence[segment[run]] if run < len(segment) else set()
            # One more point of the same story ("I also…", "또…") may take two sentences: it is
            # the story going on when it is told in the story's own words (three of them: its
            # people, places, things), or when the story takes it up where it resumes ("…put
            # two chairs by the till. The regulars who sat there…").
            in_passing = bool(ADDITIVE.search(first)) and (
                # ... one sentence in the story's words, mid-paragraph or ending one after a step
                # of the story ("또 축제 당일 … 이벤트도 진행했습니다"), and no aside.
                (
                    run == 1
                    and _shared(per_sentence[segment[0]], core) > 0
                    and (run < len(segment) or follows_story(segment[0], first))
                )
                # ... one pointing at its people, with their reply ("She went with it.")
                or (run < len(segment) and run <= 2 and bool(POINTS_BACK.search(first)))
                or len(told & core) >= 3
                or bool(after & core and any(prefix_hit(s, told) for s in after - _EVERYDAY))
            )
            if run and not in_passing:
                padding.extend(segment[:run])
                if ADDITIVE.search(first) and not (
                    ANNOUNCED.search(first) or LEISURE.search(first)
                ):
                    # One more step ("I also added a check sheet…"), maybe taken up later.
                    between.append((segment[:run], told - _GENERIC))
                if run < len(segment):
                    queue.insert(0, (segment[run:], False))
                continue
            if run and in_passing:  # the story going on, whatever its words
                core |= set().union(*(per_sentence[i] for i in segment))
                continue
        stems = set().union(*(per_sentence[i] for i in segment))
        if not core:
            if hits(stems) >= 1.0:
                # What was told before it (the setting, the people) is the same story's.
                core |= stems | (told_so_far - _GENERIC)
                anchored = True
            else:
                told_so_far |= stems
            continue
        # A paragraph that carries the story on ("Since then…", "…with her one-on-one") in words
        # of its own is the story going on; so is any paragraph of an answer about the speaker
        # (a weakness and its remedy, why this company), unless announced as another story.
        carried_on = any(CARRIES_ON.search(sentences[i]) for i in segment[:2])
        if unrelated(stems) and not (speaker or (carried_on and _shared(stems, core) >= 0.05)):
            padding.extend(segment)
            if not digression:
                between.append((segment, stems - _EVERYDAY - _GENERIC))
        else:
            # The paragraph just set aside, taken up by the next on the question's subject (the
            # query that found the pods, then the load test of that path): the story's middle.
            for held, words in between:
                if held[-1] + 1 == segment[0] and stems & in_topic and len(words & stems) >= 2:
                    padding = [i for i in padding if i not in held]
            between = []
            core |= stems
            anchored = anchored or hits(stems) >= 1.0
    # Too little text to tell a different subject from a thin answer: that is the rubric's job.
    # A Hangul syllable carries about two Latin letters' worth of text (spaces aside).
    substantial = n >= 3 and sum(len(t) + len(HANGUL_RE.findall(t)) for t in sentences) >= 160
    # Words merely near the subject ("cost" for a budget question) are weak evidence. An answer
    # about the speaker in the question's words ("I want to work here because…") has no other
    # subject words to miss.
    off_topic = substantial and strong_hits == 0 and not copied and topic_hits < 3.5
    off_topic = off_topic and not (speaker and in_question)
    # A quality shown, not named ("리더십": a team one ran, who did what): two words of showing
    # it and only the bank (below, by twice the margin) tells such an answer is another's.
    core_topic = topic - _FRAMING_OF_QUALITY
    shown = topic_hits >= 1.0 and not padding and bool(core_topic) and core_topic <= _COMPETENT
    off_topic = off_topic and not shown
    # An event told in two of the words it is told by (a rollback and a postmortem for an outage,
    # 반려 and 감정 for 부딪힌 일) is that event, whether or not the question's word comes up;
    # an answer to another question from the same job seldom tells one.
    tells_the_event = len(everything & telling) >= 2
    off_topic = off_topic and not tells_the_event
    kept = [sentences[i] for i in range(n) if i not in set(padding)]
    verdict = bank(kept) if bank is not None and substantial and kept else None
    if off_topic and topic_hits >= 2.0:
        said = StemIndex(everything)
        elsewhere = max(
            (said.fit(b.keywords | b.phrase) for b in _bank() if b not in own_topics),
            default=0,
        )
        own_fit = max((said.fit(b.keywords) for b in own_topics), default=0)
        off_topic = elsewhere >= max(2, 2 * own_fit + 1)
    # Without the question's words, but nearer the question asked than any other of the bank
    # (a short Korean story of an outage that never says "장애"): on topic.
    off_topic = off_topic and not (verdict is not None and verdict.places_here)
    # Closer to another question of the bank than to this one, by a wide margin. A question
    # with expected keywords (the bank's, a generated one's) is described well enough for a
    # narrower margin; a bare typed question shares few words even with a right answer.
    # Judged on what is left once padding is set aside (padding is named as padding).
    limit = BANK_RATIO if expected else BANK_RATIO_BARE / (2 if shown else 1)
    # A typed question is worded its own way: an answer that uses three of its own words is
    # about it, however close it comes to a bank question on the same subject in other words.
    own_words = len(everything & in_topic) >= 3 and not expected
    # ... and one that uses any of them is only "closer to another question" when it is close to
    # one: a story near no bank question (a logistics rescue, 0.13 from the nearest) is not.
    near_another = verdict is not None and (
        expected or strong_hits == 0 or verdict.elsewhere >= BANK_NEAR_BARE
    )
    if not copied and not off_topic and verdict is not None and not own_words and near_another:
        off_topic = verdict.ratio < limit
    dropped = set(padding) | set(echo)
    relevant = [i for i in range(n) if i not in dropped]
    on_topic = substantial and not off_topic and not copied
    return Relevance(True, topic_hits, off_topic, copied, echo, padding, relevant, on_topic)
