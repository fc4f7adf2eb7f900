"""Every page, rendered in Korean and in English, speaks only that language; so does every API
error. The page walk renders each template (signed out and signed in, with data: an active
session, its feedback, a completed report with flags, settings, the account pages, error pages)
and reads the visible text and the labels (placeholder, title, aria-label, alt) outside elements
that declare another `lang` (the language switch, the user's own answers and questions).

A Korean page fails on an English word that is not a name or an acronym (ALLOWED); an English
page fails on any Hangul. The API walk calls every operation of the schema anonymously and with
an empty body, and checks each error message (and field message) the same way.
"""

from __future__ import annotations

import re
import uuid
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import default_preferences
from accounts.tests.factories import UserFactory
from analysis.models import AnalysisResult
from jobprep.services import job_profile_confirm, job_profile_create, job_session_start
from sessions_app.tests.factories import InterviewSessionFactory, SessionQuestionFactory

pytestmark = pytest.mark.django_db

# Names, acronyms and formats a Korean page may show as they are.
ALLOWED = {
    "AI",
    "IP",
    "PDF",
    "CSV",
    "JSON",
    "MFA",
    "TOTP",
    "URL",
    "UTC",
    "QR",
    "OK",
    "API",
    "Google",
    "LinkedIn",
    "Interview",
    "Practice",  # never alone: see _english_words
    "Mina",
    "Kim",
    "example",
    "com",
    "min",
    "ms",
    "WebP",
    "Word",  # Word (.docx), a file type
    "docx",
    # Product names in a job description and its requirements.
    "Python",
    "Django",
    "PostgreSQL",
}
SKIP_TAGS = {"script", "style", "noscript", "template"}
LABEL_ATTRS = ("placeholder", "title", "aria-label", "alt")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
WORD = re.compile(r"[A-Za-z][A-Za-z']+")


class _Text(HTMLParser):
    """Visible text and labels, minus elements in another language than the page's."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self, page_language: str):
        super().__init__(convert_charrefs=True)
        self.page_language = page_language
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden)
        self.chunks: list[str] = []

    @property
    def hidden(self) -> bool:
        return any(hidden for _, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        other_language = "lang" in attrs and (attrs["lang"] or "")[:2] != self.page_language
        hidden = tag in SKIP_TAGS or other_language or attrs.get("type") == "hidden"
        if not self.hidden and not hidden:
            self.chunks.extend(str(attrs[name]) for name in LABEL_ATTRS if attrs.get(name))
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.chunks.append(attrs["value"])
        if tag not in self.VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.chunks.append(data.strip())


def visible_text(html: str, language: str) -> list[str]:
    parser = _Text(language)
    parser.feed(html)
    return parser.chunks


# Names of things, not words of a sentence: API paths and methods, quoted values (a media type),
# camelCase field names, and a Latin identifier a Korean particle attaches to ("code와").
CODE = re.compile(
    r"\b(?:GET|POST|PUT|PATCH|DELETE)\b|\S*/\S*|\"[^\"]*\"|\b[a-z]+[A-Z]\w*\b"
    r"|[A-Za-z]+(?=[\uac00-\ud7a3])"
)
# A language's name in that language (the interview-language choices) is deliberate.
ENDONYMS = {"English", "한국어"}


def _english_words(chunk: str) -> list[str]:
    chunk = CODE.sub(" ", chunk)
    words = [w for w in WORD.findall(chunk) if w not in ALLOWED and not w.isupper()]
    # A lone unknown token (a code, a file name) passes; two English words are a sentence.
    return words if words and (len(words) > 1 or len(words[0]) > 3) else []


def wrong_language(chunks: list[str], language: str) -> list[str]:
    chunks = [chunk for chunk in chunks if chunk not in ENDONYMS]
    if language == "en":
        return [chunk for chunk in chunks if HANGUL.search(chunk)]
    found = []
    for chunk in chunks:
        if "@" in chunk or chunk.startswith(("http://", "https://", "/")):
            continue  # addresses
        if _english_words(chunk):
            found.append(chunk)
    return found


# --- the data every page shows ---------------------------------------------------------------


def _user(language: str):
    return UserFactory(
        name="Mina Kim",
        email=f"mina.{language}@example.com",
        preferences={**default_preferences(), "language": language},
    )


QUESTION = {
    "ko": "팀 갈등을 해결한 경험을 말해 주세요.",
    "en": "Tell me about a conflict you solved.",
}
ANSWER = {
    "ko": "팀원 두 명의 의견이 달라 제가 회의를 열고 기준을 정해 합의를 이끌었습니다.",
    "en": "Two teammates disagreed, so I set up a meeting, agreed on criteria and we settled it.",
}


def _answered(session, order: int, language: str, *, flags=()):
    sq = SessionQuestionFactory(
        session=session,
        order=order,
        answer=ANSWER[language],
        question__language=language,
        question__question=QUESTION[language],
        question__sample_answer=ANSWER[language],
    )
    sq.answered_at = sq.started_at
    sq.save()
    AnalysisResult.objects.create(
        user=session.user,
        session=session,
        session_question=sq,
        question=sq.question,
        user_answer=sq.answer,
        language=language,
        status="completed",
        understanding=20,
        logic=15,
        specificity=10,
        job_fit=18,
        total_score=63,
        strengths=[ANSWER[language]],
        improvements=[ANSWER[language]],
        detailed_feedback={
            "grammar": ANSWER[language],
            "structure": ANSWER[language],
            "content": ANSWER[language],
            "suggestions": [ANSWER[language]],
        },
        ideal_answer=ANSWER[language],
        flags=list(flags),
    )
    return sq


def _pages_with_data(user, language: str) -> list[str]:
    job_pages = _job_pages(user, language)  # first: it starts a session through the service
    question_language = {"language": language}
    active = InterviewSessionFactory(user=user, question_count=3, **question_language)
    answered = _answered(active, 1, language, flags=[{"code": "repetition", "times": 2}])
    done = InterviewSessionFactory(
        user=user, question_count=2, status="completed", **question_language
    )
    _answered(done, 1, language, flags=[{"code": "padding", "count": 2}])
    empty = InterviewSessionFactory(
        user=user, question_count=2, status="completed", **question_language
    )
    return [
        reverse("web:dashboard"),
        reverse("web:history"),
        reverse("web:start"),
        reverse("web:practice", args=[active.pk]),
        reverse("web:question-feedback", args=[active.pk, answered.pk]),
        reverse("web:report", args=[active.pk]),
        reverse("web:report", args=[done.pk]),
        reverse("web:report", args=[empty.pk]),
        reverse("web:settings"),
        reverse("web:settings-mfa"),
        reverse("account_change_password"),
        reverse("account_email"),
        "/no-such-page/",
        reverse("web:home"),
        *job_pages,
    ]


JOB_DESCRIPTION = {
    "ko": "백엔드 개발자를 찾습니다. Python과 Django로 API를 설계하고 PostgreSQL 쿼리를 튜닝하며 "
    "코드 리뷰로 동료의 성장을 돕습니다. 자격 요건: 3년 이상 경력, 테스트 작성 경험.",
    "en": "We are hiring a backend engineer to design Python and Django APIs, tune PostgreSQL "
    "queries and review code. Requirements: 3+ years of experience and writing tests.",
}


def _job_pages(user, language: str) -> list[str]:
    """The job-description pages: paste, confirm the requirements, and a session's fit."""
    profile = job_profile_create(user=user, description=JOB_DESCRIPTION[language])
    confirmed = job_profile_create(user=user, description=JOB_DESCRIPTION[language])
    job_profile_confirm(
        user=user, profile_id=confirmed.pk, requirements=list(confirmed.requirements)
    )
    session = job_session_start(user=user, profile_id=confirmed.pk, question_count=2)
    return [
        reverse("web:job-start"),
        reverse("web:job-confirm", args=[profile.pk]),
        reverse("web:job-confirm", args=[confirmed.pk]),
        reverse("web:job-fit", args=[session.pk]),
    ]


SIGNED_OUT = [
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/abc-def/",
    "/no-such-page/",
    f"/practice/{uuid.uuid4()}/",  # → sign in
]


def _problems(client: Client, urls: list[str], language: str) -> dict[str, list[str]]:
    problems = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), (url, response.status_code)
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, url
        found = wrong_language(visible_text(html, language), language)
        if found:
            problems[url] = found
    return problems


@pytest.mark.parametrize("language", ["ko", "en"])
def test_signed_out_pages_speak_one_language(language, bank):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    assert _problems(client, SIGNED_OUT, language) == {}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_signed_in_pages_with_data_speak_one_language(language, bank):
    user = _user(language)
    client = Client()
    client.force_login(user)
    assert _problems(client, _pages_with_data(user, language), language) == {}


# --- API errors ------------------------------------------------------------------------------


def _error_messages(body) -> list[str]:
    error = (body or {}).get("error") or {}
    messages = [error.get("message") or ""]
    fields = (error.get("details") or {}).get("fields") or {}
    for value in fields.values():
        messages.extend(value if isinstance(value, list) else [value])
    return [str(message) for message in messages if message]


def _operations():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, item in schema["paths"].items():
        for method in item:
            if method in ("get", "post", "put", "patch", "delete"):
                yield path, method


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_api_error_speaks_the_requests_language(language, settings):
    settings.RATE_LIMITS = {key: "1000/m" for key in settings.RATE_LIMITS}
    user = _user("en" if language == "ko" else "ko")  # the header wins over the saved language
    signed_in = APIClient()
    signed_in.force_authenticate(user)
    problems = {}
    checked = 0
    for path, method in _operations():
        url = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
        for client in (APIClient(), signed_in):
            response = getattr(client, method)(
                url, {}, format="json", HTTP_ACCEPT_LANGUAGE=language
            )
            if response.status_code < 400 or not response.get("Content-Type", "").startswith(
                "application/json"
            ):
                continue
            messages = _error_messages(response.json())
            checked += len(messages)
            found = wrong_language(messages, language)
            if found:
                problems[f"{method.upper()} {path} {response.status_code}"] = found
    assert checked > 100
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_the_checker_finds_what_it_is_for():
    html = (
        '<html lang="ko"><body><p>다시 시도해 주세요</p><p>Too many requests.</p>'
        '<input placeholder="Your answer"><span lang="en">English</span>'
        "<script>var skipped = 'not text';</script></body></html>"
    )
    assert wrong_language(visible_text(html, "ko"), "ko") == ["Too many requests.", "Your answer"]
    assert wrong_language(["idToken 또는 code와 redirectUri를 보내 주세요."], "ko") == []
    assert wrong_language(["Staff only."], "ko") == ["Staff only."]
    assert wrong_language(["Page not found", "세션"], "en") == ["세션"]
