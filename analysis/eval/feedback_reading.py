"""Reading the coaching an analysis wrote: its whole text, the language it is written in, the
figures and tool names it quotes, a string in its context."""

from __future__ import annotations

import re

from analysis.ai.types import AnalysisOutput


def feedback_text(output: AnalysisOutput) -> str:
    d = output.detailed_feedback
    return "\n".join(
        [
            *output.strengths,
            *output.improvements,
            d.grammar,
            d.structure,
            d.content,
            *d.suggestions,
            output.ideal_answer,
        ]
    )


_QUOTED = re.compile(
    r'"[^"]*"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|\u300c[^\u300d]*\u300d|\'[^\']{3,}\''
)


def coaching_language(output: AnalysisOutput) -> str:
    """The language the coaching is written in ("ko" or "en"): Hangul against Latin letters in
    the strengths, improvements and detailed feedback, with quotes of the answer left out."""
    d = output.detailed_feedback
    text = " ".join(
        [*output.strengths, *output.improvements, d.grammar, d.structure, d.content, *d.suggestions]
    )
    text = _QUOTED.sub(" ", text)
    hangul = sum(1 for c in text if "가" <= c <= "힣")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return "ko" if hangul >= latin / 3 else "en"


_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> set[str]:
    """The numbers of a text, placeholders left out ("1,800" and "1800" are one)."""
    return {n.replace(",", "") for n in _NUMBER.findall(_PLACEHOLDER.sub(" ", text))}


_TOOLS_LINE = re.compile(
    r"(?:Named tools and methods|tools and methods you used|언급한 도구·방법|"
    r"사용한 도구와 방법을 구체적으로 밝히셨습니다):\s*([^.\n]*)"
)


def tools_named(text: str) -> list[str]:
    """The names the feedback lists as tools or methods."""
    return [name for line in _TOOLS_LINE.findall(text) for name in re.findall(r'"([^"]+)"', line)]


def around(text: str, s: str) -> str:
    at = text.find(s)
    return "" if at < 0 else "…" + text[max(0, at - 60) : at + len(s) + 40].replace("\n", " ") + "…"
