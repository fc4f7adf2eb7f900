"""The server-rendered pages. Thin: parse the form, call a service or selector, render.

A service's refusal (ApplicationError) is shown to the user as a form error or a flash message,
and whatever they typed is rendered back: nothing they wrote is lost.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accounts.services.users import user_settings_update
from analysis.flags import flags_for_display
from analysis.flows import analysis_rerun_request
from analysis.models import AnalysisStatus
from interview_platform.api.errors import ApplicationError
from sessions_app.flows import AnswerIn, answer_submit
from sessions_app.models import SessionStatus
from sessions_app.selectors import session_get, session_list
from sessions_app.services import session_complete, session_next, session_start

from .forms import AnswerForm, LanguageForm, SessionStartForm, add_service_error
from .i18n import in_user_language, remember_language
from .selectors import (
    active_session_get,
    dashboard_get,
    practice_state_get,
    session_question_get,
    session_report_get,
    thread_get,
)

HISTORY_PAGE_SIZE = 20
RUBRIC = (
    ("understanding", gettext_lazy("Understanding")),
    ("logic", gettext_lazy("Logic")),
    ("specificity", gettext_lazy("Specificity")),
    ("job_fit", gettext_lazy("Job fit")),
)


def page(view):
    """A signed-in user's page, in their language."""
    return login_required(in_user_language(view))


def _not_found_on(error: ApplicationError) -> None:
    if error.status == 404:
        raise Http404(error.message)


def _metadata(request) -> dict:
    return {
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:500],
        "platform": request.headers.get("Sec-CH-UA-Platform", "").strip('"')[:100] or "unknown",
        "session_source": "web",
    }


# --- public ---------------------------------------------------------------------------------


@require_GET
def favicon(request):
    # Looked up per request: the manifest storage of production names the file by its hash.
    return redirect(static("favicon.svg"), permanent=True)


@require_GET
@in_user_language
def home(request):
    active = active_session_get(user=request.user) if request.user.is_authenticated else None
    return render(request, "web/home.html", {"active_session": active, "rubric": RUBRIC})


@require_POST
def language_switch(request):
    form = LanguageForm(request.POST)
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            user_settings_update(user=request.user, preferences={"language": language})
        remember_language(request, response, language)
    return response


# --- dashboard and history ------------------------------------------------------------------


@require_GET
@page
def dashboard(request):
    return render(request, "web/dashboard.html", dashboard_get(user=request.user))


@require_GET
@page
def history(request):
    paginator = Paginator(session_list(filters={}, user=request.user), HISTORY_PAGE_SIZE)
    return render(
        request, "web/history.html", {"page_obj": paginator.get_page(request.GET.get("page"))}
    )


# --- a practice session ---------------------------------------------------------------------


# Generating a question (when the bank has none) is a paid call: no transaction stays open for it.
@transaction.non_atomic_requests
@page
def start(request):
    language = request.LANGUAGE_CODE
    active_session_id = None
    if request.method == "POST":
        form = SessionStartForm(request.POST, language=language)
        if form.is_valid():
            data = form.cleaned_data
            try:
                session = session_start(
                    user=request.user,
                    category=data["category"],
                    custom_category=data["custom_category"],
                    difficulty=data["difficulty"],
                    language=data["language"],
                    question_count=data["question_count"],
                    follow_ups=data["follow_ups"],
                    metadata=_metadata(request),
                )
            except ApplicationError as error:
                add_service_error(form, error)
                active_session_id = (error.details or {}).get("activeSessionId")
            else:
                return redirect("web:practice", session_id=session.pk)
        status = 400
    else:
        initial = SessionStartForm.initial_from(request.user.preferences or {}, request.GET)
        form = SessionStartForm(initial=initial, language=language)
        status = 200
    return render(
        request,
        "web/start.html",
        {
            "form": form,
            "active_session_id": active_session_id,
            "active_session": active_session_get(user=request.user),
        },
        status=status,
    )


def _question_page(request, state, form, *, status: int = 200, error=None):
    # A rate limit keeps the draft in the form and counts down until it may be sent.
    retry_after = (error.details or {}).get("retryAfter") if error and error.status == 429 else None
    return render(
        request,
        "web/practice.html",
        {
            "session": state.session,
            "state": state,
            "sq": state.current,
            "thread": thread_get(state, state.current),
            "form": form,
            "answer_min": settings.ANSWER_MIN_LENGTH,
            "answer_max": settings.ANSWER_MAX_LENGTH,
            "retry_after": retry_after,
        },
        status=status,
    )


def _feedback_page(request, state, session_question):
    analysis = getattr(session_question, "analysis", None)
    scores = []
    if analysis is not None and analysis.status == AnalysisStatus.COMPLETED:
        scores = [(label, getattr(analysis, field)) for field, label in RUBRIC]
    return render(
        request,
        "web/feedback.html",
        {
            "session": state.session,
            "state": state,
            "sq": session_question,
            "thread": thread_get(state, session_question),
            "question": session_question.question,
            "analysis": analysis,
            "flags": flags_for_display(analysis.flags, state.session.language) if analysis else [],
            "scores": scores,
            "detailed": (analysis.detailed_feedback or {}) if analysis else {},
            "is_latest": session_question == state.latest,
            "pending": analysis is not None
            and analysis.status in (AnalysisStatus.PENDING, AnalysisStatus.PROCESSING),
        },
    )


@require_GET
@page
def practice(request, session_id):
    """The session as it stands: the question to answer, or the feedback on the last answer."""
    session = session_get(user=request.user, session_id=session_id)
    if session.status == SessionStatus.COMPLETED:
        return redirect("web:report", session_id=session.pk)
    state = practice_state_get(session)
    if state.current is not None:
        form = AnswerForm(initial={"session_question": state.current.pk})
        return _question_page(request, state, form)
    if state.latest is None or not state.latest.answered_at:
        messages.info(request, _("This session has ended."))
        return redirect("web:report", session_id=session.pk)
    return _feedback_page(request, state, state.latest)


@require_GET
@page
def question_feedback(request, session_id, session_question_id):
    session = session_get(user=request.user, session_id=session_id)
    session_question = session_question_get(session, session_question_id)
    if session_question is None:
        raise Http404
    if not session_question.answered_at:
        return redirect("web:practice", session_id=session.pk)
    return _feedback_page(request, practice_state_get(session), session_question)


@require_POST
@page
def answer(request, session_id):
    session = session_get(user=request.user, session_id=session_id)
    state = practice_state_get(session)
    form = AnswerForm(request.POST)
    posted = request.POST.get("session_question", "")
    if state.current is None or str(state.current.pk) != posted:
        # A second click, or a tab left open on an earlier question: show where things stand.
        messages.info(request, _("That question has already been answered."))
        return redirect("web:practice", session_id=session.pk)
    if not form.is_valid():
        return _question_page(request, state, form, status=400)
    item = AnswerIn(
        answer=form.cleaned_data["answer"],
        session_id=session.pk,
        session_question_id=state.current.pk,
    )
    try:
        answer_submit(request=request, item=item)
    except ApplicationError as error:
        _not_found_on(error)
        add_service_error(form, error)
        return _question_page(request, state, form, status=error.status, error=error)
    return redirect("web:practice", session_id=session.pk)


@transaction.non_atomic_requests
@require_POST
@page
def next_question(request, session_id):
    session = session_get(user=request.user, session_id=session_id)
    try:
        session_next(user=request.user, session_id=session.pk)
    except ApplicationError as error:
        _not_found_on(error)
        messages.error(request, error.message)
    return redirect("web:practice", session_id=session.pk)


@require_POST
@page
def finish(request, session_id):
    session = session_get(user=request.user, session_id=session_id)
    try:
        session_complete(user=request.user, session_id=session.pk)
    except ApplicationError as error:
        _not_found_on(error)
        messages.error(request, error.message)
    return redirect("web:report", session_id=session.pk)


@require_POST
@page
def rerun(request, session_id, session_question_id):
    session = session_get(user=request.user, session_id=session_id)
    session_question = session_question_get(session, session_question_id)
    analysis = getattr(session_question, "analysis", None) if session_question else None
    if analysis is None:
        raise Http404
    try:
        analysis_rerun_request(request=request, analysis_id=analysis.pk)
    except ApplicationError as error:
        _not_found_on(error)
        messages.error(request, error.message)
    return redirect(
        "web:question-feedback", session_id=session.pk, session_question_id=session_question.pk
    )


def _flagged_answers(session) -> list[dict]:
    """The answers whose analysis raised integrity flags, in order, with the flags written out."""
    flagged = []
    for sq in session.session_questions.all():
        analysis = getattr(sq, "analysis", None)
        flags = flags_for_display(analysis.flags, session.language) if analysis else []
        if flags:
            flagged.append({"session_question": sq, "flags": flags})
    return flagged


@require_GET
@page
def report(request, session_id):
    session = session_get(user=request.user, session_id=session_id)
    report = session_report_get(session)
    rubric = [(label, report["rubric_averages"].get(field)) for field, label in RUBRIC]
    again = urlencode(
        {
            "category": session.category,
            "custom_category": session.custom_category,
            "difficulty": session.difficulty,
            "language": session.language,
            "question_count": session.question_count,
            "follow_ups": session.follow_ups,
        }
    )
    return render(
        request,
        "web/report.html",
        {
            "session": session,
            "state": practice_state_get(session),
            "report": report,
            "rubric": rubric,
            "flagged": _flagged_answers(session),
            "again_url": f"{reverse('web:start')}?{again}",
        },
    )
