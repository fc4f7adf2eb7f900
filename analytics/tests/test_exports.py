"""Exports over HTTP: each format parsed back and compared with the database; the signed link
refused to another user, with a bad signature and after expiry; the rate limit; the purge."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import time_machine
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.functional import empty
from rest_framework.test import APIClient

from analysis.models import AnalysisResult
from analytics.models import PRIVATE_STORAGE, ExportJob
from analytics.services import export_run, exports_purge_expired, user_analytics_rollup
from sessions_app.models import InterviewSession, SessionQuestion

from .factories import answer, completed_session

URL = reverse("analytics-export")
KOREAN_ANSWER = (
    "지난 분기 결제 서비스의 응답 지연 문제를 맡아 캐시를 도입했고, 지연 시간을 40% 줄였습니다."
)


@pytest.fixture
def korean_user(user):
    user.name = "김민준"
    user.preferences = {**user.preferences, "language": "ko"}
    user.save()
    now = datetime.now(UTC)
    completed_session(user, completed_at=now - timedelta(days=3), answers=[55, 65])
    completed_session(
        user, completed_at=now - timedelta(days=1), answers=[75], category="marketing"
    )
    free = answer(
        user,
        at=now - timedelta(hours=2),
        total=82,
        improvements=['결과 "캐시 도입"에 수치가 없습니다.'],
        ai_analysis={"model": "offline-rubric", "processingTime": 12, "promptVersion": "v3"},
    )
    AnalysisResult.objects.filter(pk=free.pk).update(user_answer=KOREAN_ANSWER)
    for days in (1, 3):
        user_analytics_rollup(day=(now - timedelta(days=days)).date())
    return user


def start(client, capture, fmt: str, scope: str = "all"):
    with capture(execute=True):
        response = client.post(URL, {"format": fmt, "scope": scope}, format="json")
    assert response.status_code == 202, response.content
    return response


def download(client, job_id) -> bytes:
    status = client.get(reverse("analytics-export-detail", args=[job_id])).json()
    assert status["status"] == "completed", status
    response = client.get(status["downloadUrl"])
    assert response.status_code == 200, getattr(response, "content", b"")[:300]
    return b"".join(response.streaming_content)


def test_the_json_export_holds_every_record(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    response = start(auth_client, django_capture_on_commit_callbacks, "json")
    job_id = response.json()["id"]
    assert response["Location"].endswith(f"/api/analytics/export/{job_id}")
    assert response.json()["status"] == "pending"

    data = json.loads(download(auth_client, job_id))

    assert data["export"]["scope"] == "all"
    assert data["profile"]["email"] == korean_user.email
    assert data["profile"]["preferences"]["language"] == "ko"
    sessions = InterviewSession.objects.filter(user=korean_user).order_by("created_at")
    assert [s["id"] for s in data["sessions"]] == [str(s.pk) for s in sessions]
    assert [s["totalScore"] for s in data["sessions"]] == [s.total_score for s in sessions]
    slots = SessionQuestion.objects.filter(session__user=korean_user)
    assert {q["id"]: q["answer"] for q in data["sessionQuestions"]} == {
        str(q.pk): q.answer for q in slots
    }
    stored = {str(a.pk): a for a in AnalysisResult.objects.filter(user=korean_user)}
    assert len(data["analysisResults"]) == len(stored) == 4
    for row in data["analysisResults"]:
        result = stored[row["id"]]
        assert row["userAnswer"] == result.user_answer
        assert row["totalScore"] == result.total_score
        assert (row["understanding"], row["logic"], row["specificity"], row["jobFit"]) == (
            result.understanding,
            result.logic,
            result.specificity,
            result.job_fit,
        )
        assert row["strengths"] == result.strengths
        assert row["improvements"] == result.improvements
        assert row["aiAnalysis"] == result.ai_analysis
        assert row["createdAt"] == result.created_at.isoformat().replace("+00:00", "Z")
    assert KOREAN_ANSWER in {row["userAnswer"] for row in data["analysisResults"]}
    assert len(data["dailyAnalytics"]) == 2
    assert data["summary"]["questionsAnswered"] == 4
    assert {"emailAddresses", "socialAccounts", "mfaAuthenticators"} <= data.keys()


def test_the_csv_export_is_a_zip_of_one_csv_per_table(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "csv").json()["id"]

    archive = zipfile.ZipFile(io.BytesIO(download(auth_client, job_id)))

    names = set(archive.namelist())
    assert {"profile.csv", "sessions.csv", "analysisResults.csv", "README.txt"} <= names

    def table(name: str) -> list[dict]:
        return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))

    analyses = {row["id"]: row for row in table("analysisResults.csv")}
    for result in AnalysisResult.objects.filter(user=korean_user):
        row = analyses[str(result.pk)]
        assert row["userAnswer"] == result.user_answer
        assert int(row["totalScore"]) == result.total_score
        assert json.loads(row["improvements"]) == result.improvements
        assert json.loads(row["aiAnalysis"]) == result.ai_analysis
    sessions = table("sessions.csv")
    assert sorted(row["id"] for row in sessions) == sorted(
        str(pk)
        for pk in InterviewSession.objects.filter(user=korean_user).values_list("pk", flat=True)
    )
    assert table("profile.csv")[0]["name"] == "김민준"
    assert archive.read("sessions.csv").startswith("\ufeff".encode())  # BOM for spreadsheets


def test_a_scope_limits_the_tables(auth_client, korean_user, django_capture_on_commit_callbacks):
    sessions_job = start(auth_client, django_capture_on_commit_callbacks, "json", "sessions")
    sessions = json.loads(download(auth_client, sessions_job.json()["id"]))
    assert set(sessions) == {"export", "sessions", "sessionQuestions", "analysisResults"}

    analytics_job = start(auth_client, django_capture_on_commit_callbacks, "json", "analytics")
    analytics = json.loads(download(auth_client, analytics_job.json()["id"]))
    assert set(analytics) == {"export", "summary", "skills", "dailyAnalytics"}
    assert {row["skill"] for row in analytics["skills"] if row["group"] == "dimension"} == {
        "understanding",
        "logic",
        "specificity",
        "jobFit",
    }


def test_the_pdf_embeds_the_bundled_hangul_font(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    """Without any system font or font package: the bundled NanumGothic, embedded as TrueType
    subsets (a FontFile2 stream per font, named with a subset tag)."""
    job_id = start(auth_client, django_capture_on_commit_callbacks, "pdf").json()["id"]
    pdf = download(auth_client, job_id)
    names = set(re.findall(rb"/BaseFont /[A-Z]{6}\+(NanumGothic\w*)", pdf))
    assert names == {b"NanumGothic", b"NanumGothicBold"}
    assert pdf.count(b"/FontFile2") >= 2
    assert b"HYGothic" not in pdf  # not the CID font a viewer would have to supply


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_a_korean_users_pdf_embeds_a_hangul_font_and_renders(
    auth_client, korean_user, django_capture_on_commit_callbacks, tmp_path
):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "pdf").json()["id"]
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(download(auth_client, job_id))

    fonts = subprocess.run(
        [shutil.which("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    )
    text = subprocess.run(
        [shutil.which("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    subprocess.run(
        [
            shutil.which("pdftoppm"),
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(tmp_path / "page"),
        ],
        check=True,
    )

    assert "NanumGothic" in fonts.stdout
    embedded = [line for line in fonts.stdout.splitlines() if "NanumGothic" in line]
    assert all(" yes " in line for line in embedded)  # emb column: embedded subsets
    assert "면접 연습 리포트" in text
    assert "김민준" in text
    assert "마케팅" in text  # a category name, localized
    assert KOREAN_ANSWER[:20] in text.replace("\n", "")
    page = next(tmp_path.glob("page*.png"))
    assert page.stat().st_size > 5_000


def test_the_file_is_private_and_the_signed_link_works_without_a_bearer_token(
    auth_client, korean_user, django_capture_on_commit_callbacks, client
):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]
    url = auth_client.get(reverse("analytics-export-detail", args=[job_id])).json()["downloadUrl"]
    job = ExportJob.objects.get(pk=job_id)
    name = job.file.name
    # An unguessable name, outside MEDIA_ROOT: nothing under /media/ serves it.
    assert str(korean_user.pk) not in url
    assert korean_user.email not in name and "interview-practice" not in name
    assert not default_storage.exists(name)
    assert client.get(f"/media/{name}").status_code == 404

    # The link alone is enough: no Authorization header, no session (a plain <a href>).
    response = APIClient().get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"{")
    assert response["Cache-Control"] == "private, no-store"
    # Without the token, even the owner gets nothing.
    bare = auth_client.get(reverse("analytics-export-download", args=[job_id]))
    assert bare.status_code == 403
    assert bare.json()["error"]["code"] == "download_link_invalid"


def _openapi_to_json_schema(node):
    """OpenAPI 3.0's `nullable` as JSON Schema's `null` type (what schemathesis validates)."""
    if isinstance(node, list):
        return [_openapi_to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _openapi_to_json_schema(value) for key, value in node.items()}
    if converted.pop("nullable", False):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def test_the_json_download_is_the_document_the_schema_describes(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    # Schemathesis found it: the 200 application/json response was documented as a binary
    # string, and every JSON export violated its own schema.
    job_id = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]
    document = json.loads(download(auth_client, job_id))
    schema = auth_client.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/analytics/export/{export_id}/download"]["get"]
    documented = operation["responses"]["200"]["content"]["application/json"]["schema"]

    jsonschema.validate(document, _openapi_to_json_schema(documented))


def test_a_missing_export_file_answers_410_not_500(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]
    url = auth_client.get(reverse("analytics-export-detail", args=[job_id])).json()["downloadUrl"]
    PRIVATE_STORAGE.delete(ExportJob.objects.get(pk=job_id).file.name)

    response = APIClient().get(url)

    assert response.status_code == 410
    assert response.json()["error"]["code"] == "export_expired"


def test_the_download_link_needs_a_valid_signature(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    first = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]
    second = start(auth_client, django_capture_on_commit_callbacks, "csv").json()["id"]
    first_url = auth_client.get(reverse("analytics-export-detail", args=[first])).json()[
        "downloadUrl"
    ]
    token = first_url.split("token=")[1]
    download_path = reverse("analytics-export-download", args=[second])

    forged = auth_client.get(f"{download_path}?token={token}")
    missing = auth_client.get(download_path)

    assert forged.status_code == 403
    assert forged.json()["error"]["code"] == "download_link_invalid"
    assert missing.status_code == 403


def test_the_download_link_is_short_lived_and_the_file_kept_24_hours(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]
    detail = reverse("analytics-export-detail", args=[job_id])
    status = auth_client.get(detail).json()
    expires = datetime.fromisoformat(status["expiresAt"].replace("Z", "+00:00"))
    completed = datetime.fromisoformat(status["completedAt"].replace("Z", "+00:00"))
    assert expires - completed == timedelta(hours=24)

    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=14)):
        assert APIClient().get(status["downloadUrl"]).status_code == 200
    with time_machine.travel(datetime.now(UTC) + timedelta(minutes=16)):
        stale = APIClient().get(status["downloadUrl"])
        fresh = auth_client.get(detail).json()["downloadUrl"]
        assert APIClient().get(fresh).status_code == 200
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=25)):
        later = auth_client.get(detail).json()

    assert stale.status_code == 410
    assert stale.json()["error"]["code"] == "download_link_expired"
    assert later["downloadUrl"] is None


def test_expired_files_are_purged(auth_client, korean_user, django_capture_on_commit_callbacks):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]
    name = ExportJob.objects.get(pk=job_id).file.name
    assert PRIVATE_STORAGE.exists(name)

    assert exports_purge_expired() == 0
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=25)):
        assert exports_purge_expired() == 1

    assert not PRIVATE_STORAGE.exists(name)
    assert ExportJob.objects.get(pk=job_id).file.name == ""


def test_a_deleted_accounts_files_are_purged(
    auth_client, korean_user, django_capture_on_commit_callbacks
):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]
    name = ExportJob.objects.get(pk=job_id).file.name

    korean_user.delete()  # the job rows go with the account; the file stays behind
    assert exports_purge_expired() == 0  # within the hour's grace
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=2)):
        assert exports_purge_expired() == 1

    assert not PRIVATE_STORAGE.exists(name)


def test_two_exports_an_hour(auth_client, korean_user, django_capture_on_commit_callbacks):
    start(auth_client, django_capture_on_commit_callbacks, "json")
    start(auth_client, django_capture_on_commit_callbacks, "csv")

    refused = auth_client.post(URL, {"format": "pdf"}, format="json")

    assert refused.status_code == 429
    assert refused.json()["error"]["type"] == "rate_limit_error"
    assert int(refused["Retry-After"]) > 0
    assert ExportJob.objects.filter(user=korean_user).count() == 2


def test_it_refuses_an_unknown_format(auth_client):
    response = auth_client.post(URL, {"format": "xlsx"}, format="json")

    assert response.status_code == 400
    assert "format" in response.json()["error"]["details"]["fields"]


def test_a_job_runs_once(auth_client, korean_user, django_capture_on_commit_callbacks):
    job_id = start(auth_client, django_capture_on_commit_callbacks, "json").json()["id"]

    assert export_run(job_id=job_id) == "skipped"


def test_a_failed_build_ends_failed_with_its_reason(auth_client, user, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("disk full")

    monkeypatch.setattr("analytics.services.exports.build_export", broken)
    job = ExportJob.objects.create(user=user, format="json")

    assert export_run(job_id=job.pk) == "failed"

    body = auth_client.get(reverse("analytics-export-detail", args=[job.pk])).json()
    assert body["status"] == "failed"
    assert body["error"] == "ValueError: disk full"
    assert body["downloadUrl"] is None


def test_my_exports_are_listed(auth_client, other_client, korean_user):
    ExportJob.objects.create(user=korean_user, format="json")
    ExportJob.objects.create(user=other_client.user, format="csv")

    body = auth_client.get(URL).json()

    assert body["count"] == 1
    assert body["results"][0]["format"] == "json"


@pytest.mark.django_db(transaction=True)
def test_the_export_is_queued_after_commit(auth_client, korean_user):
    """No callback capture: the request's own transaction commits, then the task runs."""
    response = auth_client.post(URL, {"format": "json", "scope": "sessions"}, format="json")

    job = ExportJob.objects.get(pk=response.json()["id"])
    assert response.json()["status"] == "pending"
    assert job.status == "completed"
    assert job.size == PRIVATE_STORAGE.size(job.file.name)
    assert job.completed_at.date() <= date.today()


def _leaves(labels: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in labels.items():
        if isinstance(value, dict):
            flat.update(_leaves(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def test_every_pdf_label_has_its_korean_translation():
    from django.utils import translation

    from analytics.exports.pdf_export import _days, _labels

    with translation.override("en"):
        english, days_en = _leaves(_labels()), _days(3)
    with translation.override("ko"):
        korean, days_ko = _leaves(_labels()), _days(3)
    untranslated = [k for k in english if k != "none" and english[k] == korean[k]]
    assert untranslated == []
    assert korean["title"] == "면접 연습 리포트"
    assert korean["statuses.active"] == "진행 중"
    assert korean["dimensions.understanding"] == "질문 이해도"  # the site's own label
    assert (days_en, days_ko) == ("3 days", "3일")


@pytest.fixture
def private_s3(settings):
    """The private storage exactly as the settings build it for AWS_PRIVATE_STORAGE_BUCKET_NAME
    (read from a process started with those variables), with test credentials. The endpoint is
    never contacted: a presigned URL is signed locally."""
    environment = {
        **os.environ,
        "AWS_PRIVATE_STORAGE_BUCKET_NAME": "exports-private",
        "AWS_S3_REGION_NAME": "eu-west-1",
        "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9",
    }
    started = subprocess.run(
        [sys.executable, "-c", PRINT_PRIVATE_STORAGE],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    private = json.loads(started.stdout.strip().splitlines()[-1])
    private["OPTIONS"].update(access_key="test-access-key", secret_key="test-secret-key")
    settings.STORAGES = {**settings.STORAGES, "private": private}
    PRIVATE_STORAGE._wrapped = empty  # resolved again from the settings above
    yield
    PRIVATE_STORAGE._wrapped = empty


PRINT_PRIVATE_STORAGE = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.STORAGES['private']))"
)


def test_on_s3_the_link_redirects_to_a_presigned_url_as_short_lived_as_the_link(
    private_s3, auth_client, user, settings
):
    now = datetime.now(UTC)
    job = ExportJob.objects.create(
        user=user,
        format="json",
        status="completed",
        file=f"exports/{user.pk}/unguessable.json",
        completed_at=now,
        expires_at=now + timedelta(hours=24),
    )
    url = auth_client.get(reverse("analytics-export-detail", args=[job.pk])).json()["downloadUrl"]

    response = APIClient().get(url)  # no bearer token: the signed link is the authorisation

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    query = parse_qs(location.query)
    assert location.netloc == "127.0.0.1:9"
    assert location.path == f"/exports-private/private/exports/{user.pk}/unguessable.json"
    # Signature V4 (V2, boto3's default in eu-west-1, is refused by buckets made since 2020).
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert query["X-Amz-Expires"] == [str(settings.EXPORT_LINK_MAX_AGE_SECONDS)]
    assert query["X-Amz-Signature"]
    assert query["response-content-disposition"][0].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
