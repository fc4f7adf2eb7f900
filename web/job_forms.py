"""The job-practice pages' forms: they parse input only; jobprep's services decide what is
allowed (description length, résumé type and size, how many requirements)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.choices import Difficulty, JobCategory, Language
from jobprep.models import RequirementKind
from questions.categories import category_text, difficulty_name
from sessions_app.models import FollowUpMode

# jobprep's services name the fields the way the API spells them.
_SERVICE_FIELDS = {"description": "description", "resume": "resume", "url": "url"}
MAX_REQUIREMENT_ROWS = 15


def add_job_service_error(form: forms.Form, error) -> None:
    fields = (error.details or {}).get("fields") or {}
    named = [_SERVICE_FIELDS[name] for name in fields if _SERVICE_FIELDS.get(name) in form.fields]
    form.add_error(named[0] if named else None, error.message)


class JobDescriptionForm(forms.Form):
    title = forms.CharField(
        label=_("Job title"),
        required=False,
        max_length=200,
        help_text=_("Optional: found in the description when left empty."),
    )
    description = forms.CharField(
        label=_("Job description"),
        required=False,  # the service says what an empty or short description lacks
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "maxlength": 20_000}),
        help_text=_("Paste the whole posting: responsibilities, requirements, nice-to-haves."),
    )
    url = forms.URLField(
        label=_("Link to the posting"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("Optional, for your reference: we never open it."),
    )
    language = forms.ChoiceField(
        label=_("Interview language"),
        choices=[(Language.KO.value, "한국어"), (Language.EN.value, "English")],
        widget=forms.RadioSelect,
    )
    resume = forms.FileField(
        label=_("Résumé"),
        required=False,
        allow_empty_file=True,
        help_text=_(
            "Optional: PDF with selectable text, Word (.docx) or plain text, at most 2 MB. "
            "Questions will ask about its projects."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.txt,application/pdf,text/plain"}
        ),
    )


class RequirementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RequirementKind.choices)
    text = forms.CharField(label=_("Requirement"), required=False, max_length=300)


RequirementFormSet = forms.formset_factory(
    RequirementForm, extra=2, can_delete=True, max_num=MAX_REQUIREMENT_ROWS, absolute_max=40
)


class JobSessionForm(forms.Form):
    category = forms.ChoiceField(label=_("Job category"))
    difficulty = forms.ChoiceField(label=_("Seniority of the interview"))
    question_count = forms.IntegerField(
        label=_("Number of questions"),
        min_value=1,
        max_value=settings.SESSION_MAX_QUESTIONS,
        initial=5,
    )
    follow_ups = forms.ChoiceField(
        label=_("Follow-up questions"),
        choices=FollowUpMode.choices,
        initial=FollowUpMode.ONE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            (category.value, category_text(category, language)[0])
            for category in JobCategory
            if category != JobCategory.CUSTOM
        ]
        self.fields["difficulty"].choices = [
            (difficulty.value, difficulty_name(difficulty, language)) for difficulty in Difficulty
        ]
