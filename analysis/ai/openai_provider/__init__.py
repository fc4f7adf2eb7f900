"""The OpenAI provider (DESIGN §6): the official SDK, structured outputs, nothing trusted.

- `service`: `OpenAIService`, one checked chat completion per operation, SDK errors mapped to
  `TransientAIError` / `PermanentAIError` / `InvalidAIOutput`.
- `schemas`: the pydantic models the strict JSON schemas come from and the output is validated by.
- `prompts`: rendering the versioned templates in `analysis/ai/prompts/`.
"""

from .prompts import (
    FEEDBACK_PROMPT_VERSION,
    IDEAL_ANSWER_PROMPT_VERSION,
    PROMPT_VERSION,
    QUESTION_PROMPT_VERSION,
)
from .service import CONFIDENCE, OpenAIService

__all__ = [
    "CONFIDENCE",
    "FEEDBACK_PROMPT_VERSION",
    "IDEAL_ANSWER_PROMPT_VERSION",
    "PROMPT_VERSION",
    "QUESTION_PROMPT_VERSION",
    "OpenAIService",
]
