"""One pass over an answer that gathers every signal the scorer and the feedback writer use."""

from __future__ import annotations

from dataclasses import dataclass

from ..types import AnalysisContext, QuestionContext
from .keywords import TermIndex
from .length import LengthSignals, analyze_length
from .markers import markers_for
from .relevance import RelevanceSignals, analyze_relevance
from .specificity import SpecificitySignals, analyze_specificity
from .structure import StructureSignals, TaggedSentence, analyze_structure, tag_sentences
from .text import content_stems, detect_language, normalize, split_paragraphs, split_sentences


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

    @property
    def question_type(self) -> str:
        return self.question.type

    def sentence(self, index: int) -> str:
        return self.sentences[index].text


def answer_language(answer: str, question: QuestionContext, context: AnalysisContext) -> str:
    """Feedback follows the language the user answered in; the hint breaks ties."""
    hint = context.language or question.language or "en"
    return detect_language(answer, default=hint)


def _overlap(a: str, b: str) -> float:
    sa, sb = set(content_stems(a)), set(content_stems(b))
    if len(sa) < 8 or len(sb) < 8:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def analyze(question: QuestionContext, answer: str, context: AnalysisContext) -> Signals:
    text = normalize(answer)
    language = answer_language(text, question, context)
    pairs = [
        (sentence, p)
        for p, paragraph in enumerate(split_paragraphs(text))
        for sentence in split_sentences(paragraph)
    ]
    markers = markers_for(language)
    tagged = tag_sentences(pairs, markers, language)
    length = analyze_length(text, [s for s, _ in pairs], language)
    long_answer = length.chars > 700 if language == "ko" else length.words > 250
    structure = analyze_structure(tagged, language, long_answer=long_answer)
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
    )
