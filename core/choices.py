"""The spec's enums shared across apps: job categories, difficulty, question type, language,
question source. At the bottom of the dependency picture, so any app may use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobCategory(models.TextChoices):
    SOFTWARE_ENGINEERING = "software_engineering", _("Software engineering")
    DATA_SCIENCE = "data_science", _("Data science and analytics")
    PRODUCT_MANAGEMENT = "product_management", _("Product management")
    DESIGN = "design", _("Design")
    MARKETING = "marketing", _("Marketing")
    SALES = "sales", _("Sales")
    FINANCE = "finance", _("Finance and accounting")
    HUMAN_RESOURCES = "human_resources", _("Human resources")
    OPERATIONS = "operations", _("Operations")
    CUSTOMER_SERVICE = "customer_service", _("Customer service")
    CUSTOM = "custom", _("Custom")


BANK_CATEGORIES = [c for c in JobCategory if c != JobCategory.CUSTOM]


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MEDIUM = "medium", _("Medium")
    HARD = "hard", _("Hard")


DIFFICULTY_ORDER = [Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD]


class QuestionType(models.TextChoices):
    BEHAVIORAL = "behavioral", _("Behavioral")
    TECHNICAL = "technical", _("Technical")
    SITUATIONAL = "situational", _("Situational")


class Language(models.TextChoices):
    KO = "ko", _("Korean")
    EN = "en", _("English")


class QuestionSource(models.TextChoices):
    BANK = "bank", _("Question bank")
    AI = "ai", _("AI generated")
    ADMIN = "admin", _("Added by staff")
    USER = "user", _("Typed in by a user for free practice")
    FOLLOW_UP = "follow_up", _("Follow-up to a user's answer")
    JOB = "job", _("About a user's résumé, for a job they practise for")
