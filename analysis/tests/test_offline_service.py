"""The offline provider as the pipeline sees it: the protocol, the output's mapping onto
AnalysisResult, determinism, honesty about confidence, and speed on a 5,000-character answer."""

import dataclasses
import time

import pytest

from analysis.ai.base import AIService, PermanentAIError
from analysis.ai.offline import RUBRIC_VERSION, OfflineAIService
from analysis.ai.types import AnalysisContext, DetailedFeedback, QuestionContext, Scores
from analysis.eval.harness import load_graded_set, long_answer, question_context
from analysis.tests.test_offline_scoring import EN_QUESTION, EN_STAR, KO_QUESTION, KO_STAR

CTX = AnalysisContext(job_category="software_engineering")


def test_it_implements_the_protocol():
    assert isinstance(OfflineAIService(), AIService)


def test_its_output_maps_onto_analysis_result_fields():
    out = OfflineAIService().analyze_answer(EN_QUESTION, " ".join(EN_STAR), CTX)
    fields = out.to_result_fields()
    assert set(fields) == {
        "understanding",
        "logic",
        "specificity",
        "job_fit",
        "total_score",
        "strengths",
        "improvements",
        "detailed_feedback",
        "ai_analysis",
        "ideal_answer",
        "preliminary",
        "flags",
    }
    assert fields["flags"] == []
    assert fields["total_score"] == sum(
        fields[k] for k in ("understanding", "logic", "specificity", "job_fit")
    )
    assert set(fields["detailed_feedback"]) == {"grammar", "structure", "content", "suggestions"}
    assert fields["ai_analysis"] == {
        "model": "offline-rubric",
        "confidence": out.confidence,
        "processingTime": out.processing_time_ms,
        "promptVersion": RUBRIC_VERSION,
    }
    assert fields["preliminary"] is False
    assert out.token_usage is None


def test_the_same_answer_gets_the_same_analysis():
    service = OfflineAIService()
    a = service.analyze_answer(KO_QUESTION, " ".join(KO_STAR), CTX)
    b = service.analyze_answer(KO_QUESTION, " ".join(KO_STAR), CTX)
    assert dataclasses.replace(a, processing_time_ms=0) == dataclasses.replace(
        b, processing_time_ms=0
    )


def test_confidence_stays_below_a_language_models_and_drops_for_thin_answers():
    service = OfflineAIService()
    full = service.analyze_answer(EN_QUESTION, " ".join(EN_STAR), CTX).confidence
    thin = service.analyze_answer(EN_QUESTION, "I fixed it quickly.", CTX).confidence
    assert 0.35 <= thin < full <= 0.65


def test_an_empty_answer_is_refused_as_permanent():
    with pytest.raises(PermanentAIError) as caught:
        OfflineAIService().analyze_answer(EN_QUESTION, "   ", CTX)
    assert caught.value.reason == "empty_answer"
    assert not caught.value.retryable


def test_feedback_can_be_generated_again_from_an_output():
    service = OfflineAIService()
    out = service.analyze_answer(KO_QUESTION, " ".join(KO_STAR[:3]), CTX)
    feedback = service.generate_feedback(out)
    assert isinstance(feedback, DetailedFeedback)
    assert feedback == out.detailed_feedback


def test_feedback_without_the_answer_falls_back_to_the_stored_feedback():
    service = OfflineAIService()
    out = service.analyze_answer(EN_QUESTION, " ".join(EN_STAR), CTX)
    bare = dataclasses.replace(out, answer="", question=None)
    assert service.generate_feedback(bare) == out.detailed_feedback


def test_the_ideal_answer_is_available_on_its_own():
    ideal = OfflineAIService().generate_ideal_answer(EN_QUESTION, " ".join(EN_STAR[:3]), CTX)
    assert EN_STAR[0] in ideal
    assert "[measurable result" in ideal


def test_scores_refuse_out_of_range_values():
    with pytest.raises(ValueError):
        Scores(understanding=26, logic=0, specificity=0, job_fit=0)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_5000_character_answer_is_analysed_quickly(language):
    """The target is 50 ms; `make eval` prints the real figure and `make bench` the end-to-end
    p95. Counted in this process's CPU time, not wall time: on a loaded 2-core machine the wall
    clock measures the other processes too (it failed at 0.159 s with the load at 7-9)."""
    questions = load_graded_set("analysis/eval/graded_set.jsonl")
    answer = long_answer(questions, language)
    assert 4500 <= len(answer) <= 5000
    question = question_context(next(q for q in questions if q.language == language))
    service = OfflineAIService()
    service.analyze_answer(question, answer, CTX)  # warm the caches, as a running worker has
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        service.analyze_answer(question, answer, CTX)
        best = min(best, time.process_time() - started)
    assert best < 0.150


def test_it_handles_text_without_sentences_or_letters():
    service = OfflineAIService()
    for answer in ("🙂 👍 " * 20, "1234 5678", "...", "a"):
        out = service.analyze_answer(QuestionContext(text="Why?"), answer, AnalysisContext())
        assert 0 <= out.total <= 100
