"""Follow-ups in the data export (json/csv tables and the PDF report)."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from analytics.exports import build_export
from analytics.exports.data import tables_for
from analytics.exports.pdf_export import write_pdf
from questions.bank import load_bank
from questions.services import questions_seed

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = (
    "Our checkout page was slow, so I rewrote the image pipeline and added lazy loading. "
    "Conversion went up 35% after the release."
)
FOLLOW_UP_ANSWER = (
    "I compared conversion for two weeks before and after in our analytics dashboard, with a "
    "holdout group that kept the old page. The holdout stayed flat, so I learned to keep one."
)


def test_a_follow_up_is_exported_linked_to_its_parent(auth_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answers": "100/m", "analysis": "100/m"}
    questions_seed(bank=load_bank(categories=["software_engineering"]))
    session = auth_client.post(
        reverse("session-list"),
        {"category": "software_engineering", "language": "en", "questionCount": 2},
        format="json",
    ).json()
    first = session["currentQuestion"]
    for served, answer in ((first, ANSWER), (None, FOLLOW_UP_ANSWER)):
        if served is None:
            served = auth_client.post(reverse("session-next", args=[session["id"]])).json()
            assert served["kind"] == "followUp"
        response = auth_client.post(
            reverse("analysis-answer"),
            {"sessionId": session["id"], "sessionQuestionId": served["id"], "answer": answer},
            format="json",
        )
        assert response.status_code == 202
    auth_client.post(reverse("session-complete", args=[session["id"]]))

    tables = {t.name: t for t in tables_for(user=auth_client.user, scope="all")}
    rows = list(tables["sessionQuestions"].rows())
    assert [(r["kind"], r["parentSessionQuestionId"], r["depth"]) for r in rows] == [
        ("main", None, 0),
        ("followUp", first["id"], 1),
    ]
    assert rows[1]["followUpTarget"] == "method"
    assert next(tables["sessions"].rows())["followUps"] == "one"
    summary = next(tables["summary"].rows())
    assert summary["followUpsAnswered"] == 1
    assert summary["averageFollowUpScore"] is not None

    out = io.BytesIO()
    write_pdf(out, user=auth_client.user, scope="all", exported_at=timezone.now())
    assert out.getvalue().startswith(b"%PDF")

    _check_written_files(auth_client.user, first_id=first["id"], follow_up_id=rows[1]["id"])
    depth = auth_client.get(reverse("analytics-user-stats")).json()["depth"]
    assert depth["followUpsAnswered"] == 1
    assert depth["averageFollowUpScore"] == summary["averageFollowUpScore"]
    assert depth["holdUp"] == summary["followUpHoldUp"] is not None


def _export(user, fmt: str) -> bytes:
    out = io.BytesIO()
    build_export(out, user=user, fmt=fmt, scope="all", exported_at=timezone.now(), job_id="job-1")
    return out.getvalue()


def _check_written_files(user, *, first_id: str, follow_up_id: str) -> None:
    """The files a user downloads (not only the tables behind them) carry the thread."""
    data = json.loads(_export(user, "json"))
    by_id = {row["id"]: row for row in data["sessionQuestions"]}
    assert by_id[follow_up_id]["kind"] == "followUp"
    assert by_id[follow_up_id]["parentSessionQuestionId"] == first_id
    assert by_id[follow_up_id]["answer"] == FOLLOW_UP_ANSWER
    assert data["summary"]["followUpsAnswered"] == 1
    assert data["summary"]["followUpHoldUp"] is not None

    with zipfile.ZipFile(io.BytesIO(_export(user, "csv"))) as archive:
        text = archive.read("sessionQuestions.csv").decode("utf-8-sig")
        summary_text = archive.read("summary.csv").decode("utf-8-sig")
    csv_rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert csv_rows[follow_up_id]["kind"] == "followUp"
    assert csv_rows[follow_up_id]["parentSessionQuestionId"] == first_id
    assert csv_rows[follow_up_id]["depth"] == "1"
    assert next(csv.DictReader(io.StringIO(summary_text)))["followUpsAnswered"] == "1"

    pdf = PdfReader(io.BytesIO(_export(user, "pdf")))
    pdf_text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    # In the user's language (Korean by default): the follow-up answer is labelled as one, and
    # the summary has the depth line.
    assert "↳ 꼬리질문" in pdf_text
    assert "꼬리질문 답변 1개" in pdf_text
