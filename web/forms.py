"""The pages' forms: they parse input only; the services decide what is allowed."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.services.users import user_profile_update
from analytics.models import ExportFormat
from core.choices import Difficulty, JobCategory, Language
from interview_platform.api.errors import ApplicationError
from questions.categories import category_text, difficulty_name
from sessions_app.models import FollowUpMode

from .i18n import page_language

# The services name fields the way the API spells them; the forms use Python names.
_SERVICE_FIELDS = {
    "customCategory": "custom_category",
    "questionCount": "question_count",
    "answer": "answer",
}


def add_service_error(form: forms.Form, error: ApplicationError) -> None:
    """Shows a service's refusal on the field it names, else on the whole form."""
    fields = (error.details or {}).get("fields") or {}
    named = [_SERVICE_FIELDS[name] for name in fields if _SERVICE_FIELDS.get(name) in form.fields]
    form.add_error(named[0] if named else None, error.message)


class SessionStartForm(forms.Form):
    category = forms.ChoiceField(label=_("Job category"), widget=forms.RadioSelect)
    custom_category = forms.CharField(
        label=_("Role name"),
        required=False,
        max_length=100,
        help_text=_("For a custom category: the role you are interviewing for."),
    )
    difficulty = forms.ChoiceField(label=_("Difficulty"), widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Interview language"), widget=forms.RadioSelect)
    question_count = forms.IntegerField(
        label=_("Number of questions"),
        min_value=1,
        max_value=settings.SESSION_MAX_QUESTIONS,
    )
    follow_ups = forms.ChoiceField(
        label=_("Follow-up questions"),
        choices=FollowUpMode.choices,
        initial=FollowUpMode.ONE,
        required=False,  # as in the API: one per question unless the user says otherwise
        widget=forms.RadioSelect,
        help_text=_(
            "The interviewer may dig into what you just said. Follow-ups count towards the "
            "number of questions."
        ),
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            (category.value, category_text(category, language)[0]) for category in JobCategory
        ]
        self.category_descriptions = {
            category.value: category_text(category, language)[1] for category in JobCategory
        }
        self.fields["difficulty"].choices = [
            (difficulty.value, difficulty_name(difficulty, language)) for difficulty in Difficulty
        ]
        self.fields["language"].choices = [
            (Language.KO.value, "한국어"),
            (Language.EN.value, "English"),
        ]
        self.fields["custom_category"].widget.attrs.update(
            {"autocomplete": "organization-title", "maxlength": 100}
        )

    def clean_follow_ups(self) -> str:
        return self.cleaned_data["follow_ups"] or FollowUpMode.ONE

    @staticmethod
    def initial_from(preferences: dict, query) -> dict:
        """The user's preferences, overridden by a "practise again" link's query string."""
        initial = {
            "category": preferences.get("job_category") or JobCategory.SOFTWARE_ENGINEERING,
            "difficulty": preferences.get("difficulty") or Difficulty.MEDIUM,
            "language": preferences.get("language") or Language.KO,
            "question_count": 5,
            "follow_ups": FollowUpMode.ONE,
        }
        names = ("category", "difficulty", "language", "custom_category", "question_count")
        for name in (*names, "follow_ups"):
            if query.get(name):
                initial[name] = query[name]
        return initial


class AnswerForm(forms.Form):
    session_question = forms.UUIDField(widget=forms.HiddenInput)
    # Length and content rules live in the analysis service; the widget only helps the writer.
    answer = forms.CharField(
        label=_("Your answer"),
        strip=False,
        widget=forms.Textarea(
            attrs={
                "rows": 12,
                "maxlength": settings.ANSWER_MAX_LENGTH,
                "data-min": settings.ANSWER_MIN_LENGTH,
                "data-max": settings.ANSWER_MAX_LENGTH,
                "spellcheck": "true",
            }
        ),
        error_messages={"required": _("Write your answer before submitting it.")},
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=Language.choices)
    next = forms.CharField(required=False)


class SignupForm(forms.Form):
    """allauth's sign-up form adds these fields; the name heads the user's reports and exports."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name", "autofocus": True}),
    )
    field_order = ["name", "email", "password1", "password2"]

    def signup(self, request, user) -> None:
        # allauth calls this once it has created the user. The user's language is the one the
        # pages spoke while they signed up (their choice, else their browser's Accept-Language).
        user_profile_update(
            user=user,
            name=self.cleaned_data["name"],
            preferences={"language": page_language(request)},
        )


class ProfileForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=255,
        help_text=_("Shown on your reports and exports."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class AvatarForm(forms.Form):
    avatar = forms.FileField(
        label=_("Profile picture"),
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the site and the coaching"))
    job_category = forms.ChoiceField(label=_("Usual job category"))
    difficulty = forms.ChoiceField(label=_("Usual difficulty"))
    notifications = forms.BooleanField(label=_("E-mail me about my practice"), required=False)

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (Language.KO.value, "한국어"),
            (Language.EN.value, "English"),
        ]
        self.fields["job_category"].choices = [
            (category.value, category_text(category, language)[0]) for category in JobCategory
        ]
        self.fields["difficulty"].choices = [
            (difficulty.value, difficulty_name(difficulty, language)) for difficulty in Difficulty
        ]


class MfaCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=64,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = ExportFormat.choices


class DeleteAccountForm(forms.Form):
    """What the deletion service needs to be sure it is the user: the fields shown depend on
    the account (a password, or typing DELETE for social-only accounts; a code with MFA on)."""

    password = forms.CharField(
        label=_("Your password"),
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.CharField(label=_('Type "DELETE" to confirm'), required=False, max_length=10)
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, has_password: bool, has_mfa: bool, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["confirm" if has_password else "password"]
        if not has_mfa:
            del self.fields["code"]


# The services name fields the way the API spells them; these forms use the same names.
_SERVICE_FIELDS.update(
    {
        "name": "name",
        "avatar": "avatar",
        "code": "code",
        "password": "password",
        "confirm": "confirm",
    }
)
