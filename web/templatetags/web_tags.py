"""Labels in the page's language for the shared enums, and small display helpers."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from core.choices import Difficulty, JobCategory
from jobprep.models import RequirementKind
from questions.categories import category_text, difficulty_name

register = template.Library()

RUBRIC_MAX = 25


def _language() -> str:
    return (get_language() or "en")[:2]


@register.simple_tag
def category_label(category: str, custom_category: str = "") -> str:
    """A session's job category as the user reads it; a custom one is the role they named."""
    if category == JobCategory.CUSTOM and custom_category:
        return custom_category
    if category not in JobCategory.values:
        return category
    return category_text(category, _language())[0]


@register.simple_tag
def difficulty_label(difficulty: str) -> str:
    if difficulty not in Difficulty.values:
        return difficulty
    return difficulty_name(difficulty, _language())


@register.filter
def percent_of(value, maximum) -> int:
    """0-100 for a bar's width; 0 when there is no value yet."""
    try:
        return max(0, min(100, round(float(value) * 100 / float(maximum))))
    except (TypeError, ValueError, ZeroDivisionError):
        return 0


@register.filter
def score_band(value, maximum=100) -> str:
    """A colour band for a score, so bars read at a glance (the number is always shown too)."""
    share = percent_of(value, maximum)
    if value is None or value == "":
        return "none"
    if share >= 75:
        return "high"
    if share >= 50:
        return "mid"
    return "low"


@register.filter
def lookup(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def minutes(seconds) -> int:
    try:
        return round(int(seconds) / 60)
    except (TypeError, ValueError):
        return 0


@register.filter
def requirement_kind(kind: str) -> str:
    """Skill, responsibility or seniority, in the page's language."""
    return RequirementKind(kind).label if kind in RequirementKind.values else kind
