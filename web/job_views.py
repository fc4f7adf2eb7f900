"""The job-practice pages: paste a job description (and a résumé), confirm or edit the
requirements found in it, start a session for them, and see how the answers covered them.
Thin: the same jobprep services and selectors as the API."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from interview_platform.api.errors import ApplicationError
from jobprep.resume import MAX_RESUME_BYTES
from jobprep.selectors import job_fit_get, job_profile_get, job_profile_list
from jobprep.services import job_profile_confirm, job_profile_create, job_session_start
from sessions_app.selectors import session_get

from .job_forms import (
    JobDescriptionForm,
    JobSessionForm,
    RequirementFormSet,
    add_job_service_error,
)
from .selectors import active_session_get, practice_state_get
from .views import _metadata, page


def _resume(upload) -> tuple[str, bytes | None]:
    if upload is None:
        return "", None
    # One byte past the limit is enough for the service to say the file is too large.
    return upload.name or "", upload.read(MAX_RESUME_BYTES + 1)


# Extraction may call the AI provider: no transaction stays open for it.
@transaction.non_atomic_requests
@page
def job_start(request):
    status = 200
    if request.method == "POST":
        form = JobDescriptionForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            name, content = _resume(data["resume"])
            try:
                profile = job_profile_create(
                    user=request.user,
                    description=data["description"],
                    language=data["language"],
                    title=data["title"],
                    url=data["url"],
                    resume_name=name,
                    resume_data=content,
                )
            except ApplicationError as error:
                add_job_service_error(form, error)
            else:
                return redirect("web:job-confirm", profile_id=profile.pk)
        status = 400
    else:
        form = JobDescriptionForm(initial={"language": request.LANGUAGE_CODE})
    return render(
        request,
        "web/job_start.html",
        {"form": form, "profiles": list(job_profile_list(user=request.user)[:10])},
        status=status,
    )


def _profile(request, profile_id):
    try:
        return job_profile_get(user=request.user, profile_id=profile_id)
    except ApplicationError as error:
        raise Http404(error.message) from error


def _requirements(formset) -> list[dict]:
    return [
        {"kind": form.cleaned_data["kind"], "text": form.cleaned_data["text"]}
        for form in formset.forms
        if form.cleaned_data
        and not form.cleaned_data.get("DELETE")
        and form.cleaned_data.get("text", "").strip()
    ]


def _confirm_and_start(request, profile, formset, form) -> tuple[str | None, object]:
    """Confirms the requirements and, when asked, starts the session: (error, session)."""
    data = form.cleaned_data
    try:
        job_profile_confirm(
            user=request.user,
            profile_id=profile.pk,
            requirements=_requirements(formset),
            category=data["category"],
            difficulty=data["difficulty"],
        )
        if request.POST.get("action") != "start":
            return None, None
        return None, job_session_start(
            user=request.user,
            profile_id=profile.pk,
            question_count=data["question_count"],
            follow_ups=data["follow_ups"],
            metadata=_metadata(request),
        )
    except ApplicationError as error:
        return error.message, None


@transaction.non_atomic_requests
@page
def job_confirm(request, profile_id):
    profile = _profile(request, profile_id)
    language = request.LANGUAGE_CODE
    error, status = None, 200
    if request.method == "POST":
        formset = RequirementFormSet(request.POST, prefix="req")
        form = JobSessionForm(request.POST, language=language)
        if formset.is_valid() and form.is_valid():
            error, session = _confirm_and_start(request, profile, formset, form)
            if error is None and session is not None:
                return redirect("web:practice", session_id=session.pk)
            if error is None:
                messages.success(request, _("Requirements saved."))
                return redirect("web:job-confirm", profile_id=profile.pk)
        status = 400
    else:
        formset = RequirementFormSet(
            initial=[{"kind": r["kind"], "text": r["text"]} for r in profile.requirements],
            prefix="req",
        )
        form = JobSessionForm(
            initial={"category": profile.category, "difficulty": profile.difficulty},
            language=language,
        )
    return render(
        request,
        "web/job_confirm.html",
        {
            "profile": profile,
            "formset": formset,
            "form": form,
            "error": error,
            "active_session": active_session_get(user=request.user),
        },
        status=status,
    )


@require_GET
@page
def job_fit(request, session_id):
    session = session_get(user=request.user, session_id=session_id)
    try:
        fit = job_fit_get(user=request.user, session_id=session.pk)
    except ApplicationError as error:
        raise Http404(error.message) from error
    orders = {str(sq.pk): sq.order for sq in practice_state_get(session).served}
    for row in fit["requirements"]:
        for evidence in row["evidence"]:
            evidence["order"] = orders.get(evidence["session_question_id"])
    return render(request, "web/job_fit.html", {"session": session, "fit": fit})
