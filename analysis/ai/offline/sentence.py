"""One sentence of an answer with what the structure pass found in it; read by the structure,
specificity, relevance and ideal-answer passes."""

from __future__ import annotations

from dataclasses import dataclass, field

# STAR phases in telling order; a reflection closes the story.
PHASES = ("situation", "task", "action", "result", "reflection")
_PHASE_RANK = {name: i for i, name in enumerate(PHASES)}


@dataclass
class TaggedSentence:
    index: int
    text: str
    paragraph: int
    phases: dict[str, str] = field(default_factory=dict)  # phase -> matched words
    plan: str = ""
    numbers: list[str] = field(default_factory=list)
    sequence: list[str] = field(default_factory=list)
    causal: list[str] = field(default_factory=list)
    contrast: list[str] = field(default_factory=list)
    condition: list[str] = field(default_factory=list)
    example: str = ""
    claim: str = ""
    opinion: str = ""
    deflection: str = ""
    personal: str = ""
    academic: str = ""
    vague: list[str] = field(default_factory=list)
    me: int = 0
    we: int = 0
    leadership: str = ""
    verification: str = ""

    @property
    def is_action(self) -> bool:
        return "action" in self.phases or bool(self.plan)

    @property
    def ranks(self) -> list[int]:
        return sorted(_PHASE_RANK[p] for p in self.phases)
