"""A piece of feedback: its text, how much it matters, and the suggestion that goes with it."""

from __future__ import annotations

from dataclasses import dataclass

from .analyzer import Signals
from .quotes import excerpt


@dataclass(frozen=True)
class Note:
    priority: float
    text: str
    suggestion: str = ""


def pick(notes: list[Note], limit: int) -> list[Note]:
    """The `limit` most important notes, most important first."""
    return sorted(notes, key=lambda n: -n.priority)[:limit]


def quote_of(s: Signals, index: int, anchor: str = "", limit: int = 70) -> str:
    return excerpt(s.sentence(index), anchor, limit)
