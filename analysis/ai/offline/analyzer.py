"""One pass over an answer that gathers every signal the scorer and the feedback writer use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..types import AnalysisContext, QuestionContext
from .bankmatch import BankMatch
from .bankmatch import match as bank_match
from .integrity import Screen, screen
from .keywords import TermIndex, stand_ins
from .length import LengthSignals, analyze_length
from .markers import markers_for
from .relevance import RelevanceSignals, analyze_relevance
from .selfportrait import asks_about_speaker, set_aside
from .specificity import SpecificitySignals, analyze_specificity
from .structure import StructureSignals, TaggedSentence, analyze_structure, tag_sentences
from .text import HANGUL_RE, LATIN_RE, content_stems, detect_language, normalize
from .topicality import Relevance, judge_relevance


@dataclass(frozen=True)
class Signals:
    language: str
    question: QuestionContext
    context: AnalysisContext
    text: str
    sentences: list[TaggedSentence]
    length: LengthSignals
    structure: StructureSignals
    specificity: SpecificitySignals
    relevance: RelevanceSignals
    previous_overlap: float  # highest word overlap with an earlier answer in the session
    screen: Screen | None = None  # what was set aside before scoring
    topicality: Relevance | None = None  # which sentences answer the question asked
    session_language: str = ""
    flags: tuple[dict, ...] = ()

    @property
    def feedback_language(self) -> str:
        """The coaching is written in the session's language, whatever the answer's."""
        return self.session_language or self.language

    @property
    def flag_codes(self) -> set[str]:
        return {f["code"] for f in self.flags}

    @property
    def keywords_checked(self) -> bool:
        """Whether the question's words could be looked for: they are in the session's language,
        so an answer in the other one neither covers nor misses them (nothing is claimed)."""
        return "language_mismatch" not in self.flag_codes

    @property
    def judged_on_topic(self) -> bool:
        """Whether the relevance judgement found the answer about what was asked (it judges only
        an answer with enough text to tell)."""
        return self.topicality is not None and self.topicality.on_topic

    @property
    def question_type(self) -> str:
        return self.question.type

    def sentence(self, index: int) -> str:
        return self.sentences[index].text

    @cached_property
    def _restated(self) -> TermIndex | None:
        rel, scr = self.topicality, self.screen
        if rel is None or scr is None or not rel.echo:
            return None
        return TermIndex(" ".join(scr.sentences[i][0] for i in rel.echo))

    def only_restated(self, terms: list[str]) -> list[str]:
        """Those of `terms` (words of the question the scored answer never uses) that the answer
        says where it restates the question: said, but set aside with the restatement, so they
        are not counted, nor "never mentioned" either."""
        index = self._restated
        if index is None:
            return []
        return [t for t in terms if index.find(t) or any(index.find(w) for w in stand_ins(t))]


def answer_language(answer: str, question: QuestionContext, context: AnalysisContext) -> str:
    """The language the user answered in; the session's language breaks ties."""
    hint = context.language or question.language or "en"
    return detect_language(answer, default=hint)


def _overlap(a: str, b: str) -> float:
    sa, sb = set(content_stems(a)), set(content_stems(b))
    if len(sa) < 8 or len(sb) < 8:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _letters(text: str) -> int:
    return len(HANGUL_RE.findall(text)) * 3 + len(LATIN_RE.findall(text))


def _flags(
    scr: Screen, rel: Relevance, *, mismatch: bool, extra_padding: int = 0
) -> tuple[dict, ...]:
    flags: list[dict] = []
    if mismatch:
        flags.append({"code": "language_mismatch", "answer_language": scr.answer_language})
    if rel.off_topic:
        flags.append({"code": "off_topic"})
    if rel.copied:
        flags.append({"code": "copied_question"})
    if scr.repeats >= 2:
        flags.append({"code": "repetition", "times": scr.max_repeat})
    if (rel.padding or extra_padding) and not rel.off_topic:
        flags.append({"code": "padding", "count": len(rel.padding) + extra_padding})
    if scr.directed:
        flags.append({"code": "evaluator_directed"})
    if scr.insults:
        flags.append({"code": "abusive_tone", "words": scr.insults[:3]})
    return tuple(flags)


def screen_answer(question: QuestionContext, answer: str, context: AnalysisContext) -> Screen:
    """The first step of `analyze` alone: what is set aside before anything reads the answer
    (text addressed to the evaluator, repeats). `Screen.cleaned` is what a model may be sent."""
    session_language = context.language or question.language or ""
    return screen(normalize(answer), hint=session_language or "en")


def analyze(
    question: QuestionContext,
    answer: str,
    context: AnalysisContext,
    *,
    screened: Screen | None = None,
) -> Signals:
    """Every signal of `answer`; `screened` is `screen_answer`'s result when the caller already
    has it (the OpenAI provider screens first, then runs the rest while the model works)."""
    raw = normalize(answer)
    session_language = context.language or question.language or ""
    scr = screened if screened is not None else screen(raw, hint=session_language or "en")
    language = scr.answer_language
    # The other language is named only when there is enough text to tell (a Korean answer
    # quoting "API" and "Redis" is still Korean).
    mismatch = bool(session_language) and language != session_language and _letters(raw) >= 30

    def bank(sentences: list[str]) -> BankMatch | None:
        return bank_match(question, " ".join(sentences), language)

    rel = judge_relevance(
        question.text,
        tuple(question.expected_keywords),
        [sentence for sentence, _ in scr.sentences],
        [p for _, p in scr.sentences],
        judged=not mismatch,
        bank=bank,
    )
    # Padding and restatements are not scored; an answer that is nothing else keeps its
    # sentences (and is capped by its flag) so there is still something to coach on.
    keep = rel.relevant if rel.relevant and not rel.off_topic else range(len(scr.sentences))
    pairs = [scr.sentences[i] for i in keep]
    paragraphs: dict[int, list[str]] = {}
    for sentence, p in pairs:
        paragraphs.setdefault(p, []).append(sentence)
    text = "\n\n".join(" ".join(ss) for ss in paragraphs.values())
    pairs = [(sentence, p) for p, (_, ss) in enumerate(paragraphs.items()) for sentence in ss]
    markers = markers_for(language)
    tagged = tag_sentences(pairs, markers, language)
    # What the answer says of the speaker rather than of the case (their character, what others
    # call them, self-praise at the end) is padding too: it is set aside rather than allowed to
    # add length or figures.
    aside = set() if asks_about_speaker(question.text) else set_aside(tagged, language)
    if aside:
        pairs = [pair for k, pair in enumerate(pairs) if k not in aside]
        text = "\n\n".join(
            " ".join(sentence for sentence, q in pairs if q == p)
            for p in sorted({q for _, q in pairs})
        )
        tagged = tag_sentences(pairs, markers, language)
    asked = frozenset(content_stems(" ".join((question.text, *question.expected_keywords))))
    length = analyze_length(text, [s for s, _ in pairs], language, asked=asked)
    long_answer = length.chars > 700 if language == "ko" else length.words > 250
    structure = analyze_structure(
        tagged, language, long_answer=long_answer, story=question.type == "behavioral"
    )
    index = TermIndex(text)
    return Signals(
        language=language,
        question=question,
        context=context,
        text=text,
        sentences=tagged,
        length=length,
        structure=structure,
        specificity=analyze_specificity(tagged, text, language, index),
        relevance=analyze_relevance(question, index, tagged, language),
        previous_overlap=max((_overlap(text, p) for p in context.previous_answers), default=0.0),
        screen=scr,
        topicality=rel,
        session_language=session_language or language,
        flags=_flags(scr, rel, mismatch=mismatch, extra_padding=len(aside)),
    )
