"""What the model must return, as pydantic models: the strict JSON schema sent as
`response_format` is derived from them, and the returned content is validated by them again
(a server may ignore the schema; an out-of-range score must never be stored).

Field names are the JSON's own camelCase keys, as the API shows them."""

from __future__ import annotations

import copy
import functools
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..types import SCORE_MAX


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


Text = Annotated[str, AfterValidator(_not_blank)]
Score = Annotated[int, Field(ge=0, le=SCORE_MAX)]


class Wire(BaseModel):
    # strict: a score of "12" or 12.5 is a violation, not something to coerce. Extra keys (a
    # "total" the model volunteers) are dropped: the total is always recomputed from the scores.
    model_config = ConfigDict(strict=True, extra="ignore")


class AnswerScores(Wire):
    understanding: Score = Field(description="How well the answer understood the question")
    logic: Score = Field(description="How logically the answer is structured")
    specificity: Score = Field(description="Concrete examples and details")
    jobFit: Score = Field(description="Relevance to the job role")


class FeedbackPayload(Wire):
    grammar: Text
    structure: Text
    content: Text
    suggestions: list[Text] = Field(min_length=1, max_length=5)


class IntegrityCheck(Wire):
    answersTheQuestion: bool = Field(
        description="False when the answer addresses a different question or only restates it"
    )
    answerLanguage: Literal["ko", "en", "other"] = Field(
        description="The language most of the answer is written in"
    )
    addressesEvaluator: bool = Field(
        description="True when any part of the answer speaks to the grader or asks for a score"
    )


class AnswerAnalysis(Wire):
    scores: AnswerScores
    integrity: IntegrityCheck
    strengths: list[Text] = Field(max_length=5)
    improvements: list[Text] = Field(min_length=1, max_length=5)
    detailedFeedback: FeedbackPayload
    idealAnswer: Text


class CriteriaPayload(Wire):
    understanding: Text
    logic: Text
    specificity: Text
    jobFit: Text


class InterviewQuestion(Wire):
    question: Text
    type: Literal["behavioral", "technical", "situational"]
    tags: list[Text] = Field(max_length=5)
    expectedKeywords: list[Text] = Field(min_length=1, max_length=8)
    sampleAnswer: Text
    evaluationCriteria: CriteriaPayload


class IdealAnswerPayload(Wire):
    idealAnswer: Text


# The chat completion envelope: only the parts we read. The SDK builds its response objects
# without validation, so the raw body is checked here before anything is read from it.


class Message(BaseModel):
    content: str | None = None
    refusal: str | None = None


class Choice(BaseModel):
    message: Message
    finish_reason: str | None = None


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class Completion(BaseModel):
    model: str = ""
    choices: list[Choice] = Field(min_length=1)
    usage: Usage | None = None


def response_format(schema: type[Wire]) -> dict[str, Any]:
    """The strict `json_schema` response format the SDK derives from a pydantic model: derived
    once per model (deriving it took ~15 ms of CPU per call), a copy per call so that nothing the
    SDK does to it reaches the next one."""
    return copy.deepcopy(_derived_response_format(schema))


@functools.cache
def _derived_response_format(schema: type[Wire]) -> dict[str, Any]:
    from openai.lib import type_to_response_format_param

    return dict(type_to_response_format_param(schema))  # type: ignore[arg-type]
