"""Localized names and descriptions of job categories and difficulties, through gettext like
every label: a category's name is its `JobCategory` label (the custom one reads "Custom role"
in lists), a difficulty's its `Difficulty` label; the Korean are in the catalogues."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.choices import Difficulty, JobCategory

CUSTOM_ROLE = _("Custom role")

DESCRIPTIONS = {
    JobCategory.SOFTWARE_ENGINEERING: _(
        "Backend, frontend, mobile and platform engineering roles."
    ),
    JobCategory.DATA_SCIENCE: _("Data analysts, data scientists and ML engineers."),
    JobCategory.PRODUCT_MANAGEMENT: _("Product managers and service planners."),
    JobCategory.DESIGN: _("Product, UX/UI and visual designers."),
    JobCategory.MARKETING: _("Performance, brand, content and growth marketing."),
    JobCategory.SALES: _("B2B and B2C sales, account management and business development."),
    JobCategory.FINANCE: _("Financial analysis, accounting, treasury and FP&A."),
    JobCategory.HUMAN_RESOURCES: _("Recruiting, people operations, compensation and culture."),
    JobCategory.OPERATIONS: _("Operations, supply chain, logistics and process improvement."),
    JobCategory.CUSTOMER_SERVICE: _("Customer support, success and service quality."),
    JobCategory.CUSTOM: _("Any other role: questions are generated for the role you name."),
}


def category_text(category: str, language: str) -> tuple[str, str]:
    """(name, description) of a category in `language`."""
    with translation.override(language):
        name = CUSTOM_ROLE if category == JobCategory.CUSTOM else JobCategory(category).label
        return str(name), str(DESCRIPTIONS[category])


def difficulty_name(difficulty: str, language: str) -> str:
    with translation.override(language):
        return str(Difficulty(difficulty).label)
