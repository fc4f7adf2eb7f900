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
        return bool(self.claim or self.opinion or self.vaguely_said)

    @property
    def vaguely_said(self) -> bool:
        # One vague word in a step that names what it acts on ("I would make sure the hotel is
        # really full: I would check for rooms blocked for maintenance …") leaves it a step.
        return bool(self.vague) and (
            len(self.vague) >= 2
            or len(content_stems(self.text))
            < VAGUE_STEP_WORDS["ko" if HANGUL_RE.search(self.text) else "en"]
        )

    @property
    def hedge(self) -> str:
        """The opinion word, when all it does is qualify the step it sits in ("I would probably
        use a token bucket"): doubt about the step, not a view on what matters."""
        return self.opinion if self.plan and self.opinion and self.opinion in self.plan else ""

    @property
    def hedged_step(self) -> bool:
        """A step that only its hedge makes hollow: said with less doubt, it is a concrete step."""
        return bool(self.hedge) and not (self.claim or self.vaguely_said)

    @property
    def concrete_action(self) -> bool:
        """An action or plan that is not hollow."""
        return self.is_action and not self.hollow

    @property
    def ranks(self) -> list[int]:
        return sorted(_PHASE_RANK[p] for p in self.phases)
