"""Does the answer talk about what was asked? Expected keywords (or, without them, the question's
own key terms), the category's vocabulary, and whether sentences carry evidence or only claims."""

from __future__ import annotations

from dataclasses import dataclass

from ..types import QuestionContext
from .keywords import (
    Match,
    TermIndex,
    category_specific_terms,
    general_terms,
    question_terms,
    reference_terms,
    stand_ins,
    term_parts,
)
from .structure import TaggedSentence
from .text import tokens
from .thesaurus import VERB_FORMS


@dataclass(frozen=True)
class RelevanceSignals:
    keyword_source: str  # "expected" when the question lists keywords, else "question"
    keywords: list[str]
    matched: list[Match]
    missing: list[str]
    question_terms: list[str]
    question_matched: list[Match]
    category_hits: list[Match]  # the job category's own vocabulary
    general_hits: list[Match]  # general work vocabulary
    reference_hits: list[Match]  # domain terms the sample answer uses
    evidence_sentences: list[int]
    claim_sentences: list[int]
    claims: list[tuple[int, str]]
    deflections: list[tuple[int, str]]
    personal: list[tuple[int, str]]
    academic: list[tuple[int, str]]
    opinions: int
    leadership: list[str]
    verification: list[str]

    @property
    def coverage(self) -> float:
        return len(self.matched) / len(self.keywords) if self.keywords else 0.0

    @property
    def question_coverage(self) -> float:
        if not self.question_terms:
            return 0.0
        return len(self.question_matched) / min(len(self.question_terms), 5)


def _sentence_of_token(tagged: list[TaggedSentence]) -> list[int]:
    owner: list[int] = []
    for t in tagged:
        owner.extend([t.index] * len(tokens(t.text)))
    return owner


def analyze_relevance(
    question: QuestionContext,
    index: TermIndex,
    tagged: list[TaggedSentence],
    language: str,
) -> RelevanceSignals:
    q_terms = question_terms(question.text)
    q_matched = index.match_all(q_terms)
    # The question's word said the way people say it ("boss" for "manager", "선배" for "동료"):
    # covered, quoted as the answer wrote it.
    said = {m.term for m in q_matched}
    owner = _sentence_of_token(tagged)
    for term in q_terms:
        found = None if term in said else next(filter(None, map(index.find, stand_ins(term))), None)
        if found is not None:
            q_matched.append(Match(term=term, surface=found.surface, position=found.position))
        elif term not in said and set(term_parts(term)) & VERB_FORMS.keys():
            # ... or with its verb ("a decision you made" answered "I decided to build …").
            verb = index.find_loose(term, owner)
            if verb is not None:
                q_matched.append(verb)
    expected = [k for k in question.expected_keywords if k.strip()]
    if expected:
        keywords, source = expected, "expected"
        matched = index.match_all(expected)
        # A keyword said in other words or inflected ("재발을 막았습니다") is covered too.
        said = {m.term for m in matched}
        for keyword in expected:
            loose = None if keyword in said else index.find_loose(keyword, owner)
            if loose is not None:
                matched.append(loose)
        # A keyword the question itself asks for ("장애 대응" of "장애가 났을 때 어떻게
        # 대응했는지", "incident response" of "an incident you handled") is what a story of
        # one's own actions on that subject is: covered when the answer names the subject.
        asked = TermIndex(question.text)
        acted = any(t.concrete_action for t in tagged)
        said = {m.term for m in matched}
        for keyword in expected:
            if keyword in said or not acted:
                continue
            if asked.find_loose(keyword, [0] * len(asked)) is not None:
                part = index.find_part(keyword)
                if part is not None:
                    matched.append(part)
    else:
        keywords, source, matched = q_terms, "question", q_matched
    found = {m.term for m in matched}
    specific = category_specific_terms(question.category, language)
    category_hits = index.match_all(specific)
    general_hits = index.match_all(general_terms(language))
    reference = reference_terms(question.sample_answer, question.category, language)
    reference_hits = index.match_all(reference)

    # Domain terms per sentence: the field's vocabulary and the question's own key terms.
    terms_per_sentence: dict[int, int] = {}
    for term in {m.term for m in (*category_hits, *matched, *reference_hits)}:
        for position in {owner[p] for p in index.positions(term) if p < len(owner)}:
            terms_per_sentence[position] = terms_per_sentence.get(position, 0) + 1
    evidence, claim_sentences = [], []
    for t in tagged:
        grounded = bool(t.numbers) or t.concrete_action or "result" in t.phases
        domain = terms_per_sentence.get(t.index, 0)
        # Explaining a concept of the field (because / if / but / for example) is evidence too;
        # an opinion that something matters is not, however many field words it names.
        explained = (
            domain >= 1
            and bool(t.causal or t.condition or t.contrast or t.example)
            and not (t.opinion or t.claim)
        )
        if grounded or explained or (domain >= 2 and not t.hollow):
            evidence.append(t.index)
        if t.claim or t.deflection or t.personal or (t.opinion and not (grounded or explained)):
            claim_sentences.append(t.index)
    return RelevanceSignals(
        keyword_source=source,
        keywords=list(keywords),
        matched=matched,
        missing=[k for k in keywords if k not in found],
        question_terms=q_terms,
        question_matched=q_matched,
        category_hits=category_hits,
        general_hits=general_hits,
        reference_hits=reference_hits,
        evidence_sentences=evidence,
        claim_sentences=claim_sentences,
        claims=[(t.index, t.claim) for t in tagged if t.claim],
        deflections=[(t.index, t.deflection) for t in tagged if t.deflection],
        personal=[(t.index, t.personal) for t in tagged if t.personal],
        academic=[(t.index, t.academic) for t in tagged if t.academic],
        opinions=sum(1 for t in tagged if t.opinion),
        leadership=[t.leadership for t in tagged if t.leadership],
        verification=[t.verification for t in tagged if t.verification],
    )
