"""The offline provider (DESIGN §6): a deterministic, bilingual rubric scorer with no network."""

from .scoring import RUBRIC_VERSION
from .service import OfflineAIService

__all__ = ["RUBRIC_VERSION", "OfflineAIService"]
