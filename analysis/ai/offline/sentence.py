"""One sentence of an answer with what the structure pass found in it; read by the structure,
specificity, relevance and ideal-answer passes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import HANGUL_RE, content_stems

# STAR phases in telling order; a reflection closes the story.
PHASES = ("situation", "task", "action", "result", "reflection")
# Content words from which a step with a single vague word in it still names what it does
# (Korean words carry their particles and endings: fewer of them say as much).
VAGUE_STEP_WORDS = {"en": 8, "ko": 6}
_PHASE_RANK = {name: i for i, name in enumerate(PHASES)}


@dataclass
class TaggedSentence:
    index: int
    text: str
    paragraph: int
    phases: dict[str, str] = field(default_factory=dict)  # phase -> matched words
    plan: str = ""
    numbers: list[str] = field(default_factory=list)
    none: str = ""  # a result that counts none of something, in words ("누락은 없었")
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
    def hollow(self) -> bool:
        """Says that something matters or will be done, with nothing to show for it: no figure,
        no outcome, and an opinion, a claim about oneself or vague words instead ("소통이 가장
        중요하다고 생각하기 때문에 … 나누겠습니다", "I will work hard until it is solved")."""
        if self.numbers or "result" in self.phases:
            return False
        # One vague word in a step that names what it acts on ("I would make sure the hotel is
        # really full: I would check for rooms blocked for maintenance …") leaves it a step.
        vague = bool(self.vague) and (
            len(self.vague) >= 2
            or len(content_stems(self.text))
            < VAGUE_STEP_WORDS["ko" if HANGUL_RE.search(self.text) else "en"]
        )
        return bool(self.claim or self.opinion or vague)

    @property
    def concrete_action(self) -> bool:
        """An action or plan that is not hollow."""
        return self.is_action and not self.hollow

    @property
    def ranks(self) -> list[int]:
        return sorted(_PHASE_RANK[p] for p in self.phases)
