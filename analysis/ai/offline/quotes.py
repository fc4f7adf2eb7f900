"""Quoting the answer back to its author: short excerpts and Korean particles after quotes."""

from __future__ import annotations

from .text import josa


def excerpt(sentence: str, anchor: str = "", limit: int = 70) -> str:
    """Up to `limit` characters of `sentence`, centred on `anchor` when given, cut at spaces."""
    text = sentence.strip().rstrip(".!?。")
    if len(text) <= limit:
        return text
    at = text.lower().find(anchor.lower()) if anchor else -1
    if at < 0:
        cut = text[:limit]
        space = cut.rfind(" ")
        return (cut[:space] if space > limit // 2 else cut).rstrip(",;: ") + "…"
    start = max(0, at + len(anchor) // 2 - limit // 2)
    end = min(len(text), start + limit)
    start = max(0, end - limit)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    if end < len(text):
        space = text.rfind(" ", at + len(anchor), end)
        end = space if space > 0 else end
    body = text[start:end].strip(",;: ")
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def quoted(text: str) -> str:
    return f'"{text}"'


def quoted_josa(word: str, with_final: str, without_final: str) -> str:
    """'"협업"을' / '"리뷰"를': the particle follows the quoted word's last syllable."""
    particle = josa(word, with_final, without_final)[len(word) :]
    return f'"{word}"{particle}'


def listing(items: list[str], language: str, limit: int = 4) -> str:
    shown = [quoted(i) for i in items[:limit]]
    if language == "ko":
        return ", ".join(shown)
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def plain_listing(items: list[str], language: str, limit: int = 4) -> str:
    shown = items[:limit]
    if language == "ko" or len(shown) <= 1:
        return ", ".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]
