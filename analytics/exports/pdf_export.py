"""PDF: a readable report in the user's language (ko, en): summary, weekly progress chart,
skills, per-session scores and, for the `all` and `sessions` scopes, every answer with its
scores and feedback. Built with reportlab's platypus; fonts from `fonts.py` (Hangul embedded).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import IO, Any

from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from accounts.models import User
from analysis.models import AnalysisResult
from core.choices import Language
from questions.categories import category_text, difficulty_name
from sessions_app.models import InterviewSession, SessionStatus

from ..models import ExportScope
from ..selectors.common import UTC
from ..selectors.user import progress, skills, user_stats
from .fonts import register_fonts
from .pdf_layout import CHART_WEEKS, MUTED, RULE, Styles, chart, minutes, paragraph, table


def _labels() -> dict[str, Any]:
    """The report's words in the active language (`write_pdf` activates the user's); the Korean
    are in the gettext catalogues like every other label."""
    return {
        "title": _("Interview practice report"),
        "summary": _("Summary"),
        "sessions_completed": _("Sessions completed"),
        "questions_answered": _("Answers scored"),
        "average_score": _("Average score"),
        "time_spent": _("Time practising"),
        "improvement_rate": _("Improvement rate"),
        "streak": _("Current streak"),
        "best": _("Strongest category"),
        "weakest": _("Weakest category"),
        "depth": _("Follow-up depth"),
        "follow_up": _("Follow-up"),
        "no_data": _("No scored answers yet."),
        "skills": _("Skills"),
        "skill": _("Skill"),
        "score": _("Score"),
        "trend": _("Trend"),
        "count": _("Answers"),
        "weak_areas": _("Recurring points to work on"),
        "sessions": _("Sessions"),
        "date": _("Date"),
        "category": _("Category"),
        "difficulty": _("Difficulty"),
        "status": _("Status"),
        "answered": _("Answered"),
        "duration": _("Minutes"),
        "answers": _("Answers and feedback"),
        "question": _("Question"),
        "answer": _("Your answer"),
        "strengths": _("Strengths"),
        "improvements": _("To improve"),
        "preliminary": _("preliminary score (offline scorer)"),
        "none": "-",
        "dimensions": {
            "understanding": _("Understanding"),
            "logic": _("Logic"),
            "specificity": _("Specificity"),
            "jobFit": _("Job fit"),
        },
        "trends": {
            "improving": _("improving ↑"),
            "stable": _("stable →"),
            "declining": _("declining ↓"),
        },
        "statuses": {status.value: str(status.label) for status in SessionStatus},
    }


def _depth(depth: dict, labels: dict) -> str:
    if not depth["follow_ups_answered"]:
        return labels["none"]
    average, hold_up = depth["average_follow_up_score"], depth["hold_up"]
    return _(
        "%(count)s follow-up(s) answered · average %(average)s · %(hold_up)s points against "
        "the answer they probed"
    ) % {
        "count": depth["follow_ups_answered"],
        "average": labels["none"] if average is None else f"{average:.1f}",
        "hold_up": labels["none"] if hold_up is None else f"{hold_up:+.1f}",
    }


def _summary(user: User, labels: dict, styles: Styles, language: str) -> list:
    data = user_stats(user=user)

    def category(entry: dict | None) -> str:
        if entry is None:
            return labels["none"]
        name = category_text(entry["category"], language)[0]
        return f"{name} ({entry['average_score']:.1f})"

    rate = data["improvement_rate"]
    rows = [
        [labels["sessions_completed"], str(data["sessions_completed"])],
        [labels["questions_answered"], str(data["questions_answered"])],
        [
            labels["average_score"],
            labels["none"] if data["average_score"] is None else f"{data['average_score']:.1f}",
        ],
        [labels["time_spent"], minutes(data["time_spent"])],
        [
            labels["improvement_rate"],
            labels["none"] if rate is None else _rate(rate),
        ],
        [labels["streak"], _days(data["current_streak"])],
        [labels["best"], category(data["best_category"])],
        [labels["weakest"], category(data["weakest_category"])],
        [labels["depth"], _depth(data["depth"], labels)],
    ]
    grid = Table(
        [[paragraph(a, styles.body), paragraph(b, styles.body)] for a, b in rows],
        colWidths=[55 * mm, 110 * mm],
    )
    grid.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]))
    return [paragraph(labels["summary"], styles.h2), grid]


def _progress(user: User, labels: dict, styles: Styles, width: float) -> list:
    today = timezone.now().astimezone(UTC).date()
    data = progress(
        user=user, period="week", start=today - timedelta(weeks=CHART_WEEKS - 1), end=today
    )
    return [
        paragraph(
            _("Weekly average score (last %(weeks)s weeks)") % {"weeks": CHART_WEEKS}, styles.h2
        ),
        chart(data["buckets"], styles, width, labels["no_data"]),
    ]


def _skills(user: User, labels: dict, styles: Styles, language: str) -> list:
    data = skills(user=user)
    header = [labels["skill"], labels["score"], labels["trend"], labels["count"]]
    rows: list[list[Any]] = [header]
    for skill in data["dimensions"]:
        score = labels["none"] if skill["score"] is None else f"{skill['score']:.1f} / 25"
        rows.append(
            [
                labels["dimensions"][skill["skill"]],
                score,
                labels["trends"][skill["trend"]],
                skill["questions_count"],
            ]
        )
    for skill in data["categories"]:
        rows.append(
            [
                category_text(skill["skill"], language)[0],
                f"{skill['score']:.1f} / 100",
                labels["trends"][skill["trend"]],
                skill["questions_count"],
            ]
        )
    parts: list = [
        paragraph(labels["skills"], styles.h2),
        table(rows, [70 * mm, 35 * mm, 35 * mm, 25 * mm], styles),
    ]
    if data["weak_areas"]:
        parts.append(paragraph(labels["weak_areas"], styles.h2))
        for area in data["weak_areas"]:
            parts.append(paragraph(f"• {area['text']} (x{area['count']})", styles.small))
    return parts


def _sessions(user: User, labels: dict, styles: Styles, language: str) -> list:
    header = [
        labels["date"],
        labels["category"],
        labels["difficulty"],
        labels["status"],
        labels["answered"],
        labels["duration"],
        labels["score"],
    ]
    rows: list[list[Any]] = [header]
    sessions = (
        InterviewSession.objects.filter(user=user)
        .annotate(
            answered=Count(
                "session_questions", filter=Q(session_questions__answered_at__isnull=False)
            )
        )
        .order_by("created_at")
        .values_list(
            "created_at",
            "category",
            "custom_category",
            "difficulty",
            "status",
            "answered",
            "question_count",
            "duration",
            "total_score",
        )
    )
    for (
        created,
        category,
        custom,
        difficulty,
        status,
        answered,
        count,
        duration,
        score,
    ) in sessions.iterator(chunk_size=2000):
        name = custom or category_text(category, language)[0]
        rows.append(
            [
                created.astimezone(UTC).strftime("%Y-%m-%d"),
                paragraph(name, styles.cell),
                difficulty_name(difficulty, language),
                labels["statuses"].get(status, status),
                f"{answered}/{count}",
                str(round(duration / 60)),
                labels["none"] if score is None else str(score),
            ]
        )
    if len(rows) == 1:
        return [paragraph(labels["sessions"], styles.h2), paragraph(labels["no_data"], styles.body)]
    widths = [22 * mm, 50 * mm, 20 * mm, 22 * mm, 18 * mm, 16 * mm, 16 * mm]
    return [paragraph(labels["sessions"], styles.h2), table(rows, widths, styles)]


def _answers(user: User, labels: dict, styles: Styles) -> list:
    parts: list = [paragraph(labels["answers"], styles.h2)]
    rows = (
        AnalysisResult.objects.filter(user=user)
        .order_by("created_at", "id")
        .values_list(
            "created_at",
            "question__question",
            "user_answer",
            "status",
            "total_score",
            "understanding",
            "logic",
            "specificity",
            "job_fit",
            "strengths",
            "improvements",
            "preliminary",
            "session_question__kind",
        )
    )
    names = labels["dimensions"]
    for (
        created,
        question,
        answer,
        status,
        total,
        understanding,
        logic,
        specificity,
        job_fit,
        strengths,
        improvements,
        preliminary,
        kind,
    ) in rows.iterator(chunk_size=1000):
        if total is None:
            score_line = _("not scored (%(status)s)") % {"status": status}
        else:
            score_line = (
                f"{labels['score']} {total}/100 · {names['understanding']} {understanding} · "
                f"{names['logic']} {logic} · {names['specificity']} {specificity} · "
                f"{names['jobFit']} {job_fit}"
            )
            if preliminary:
                score_line += f" · {labels['preliminary']}"
        block = [
            paragraph(
                f"{created.astimezone(UTC):%Y-%m-%d %H:%M} · "
                + ("↳ " + labels["follow_up"] if kind == "followUp" else labels["question"])
                + f": {question}",
                styles.question,
            ),
            paragraph(score_line, styles.muted),
            paragraph(f"{labels['answer']}: {answer}", styles.small),
        ]
        for title, notes in (
            (labels["strengths"], strengths),
            (labels["improvements"], improvements),
        ):
            if notes:
                block.append(
                    paragraph(f"{title}: " + " / ".join(str(n) for n in notes), styles.small)
                )
        parts.append(KeepTogether([*block, Spacer(1, 3 * mm)]) if len(answer) < 1500 else block)
    if len(parts) == 1:
        parts.append(paragraph(labels["no_data"], styles.body))
    flat: list = []
    for part in parts:
        flat.extend(part if isinstance(part, list) else [part])
    return flat


def write_pdf(out: IO[bytes], *, user: User, scope: str, exported_at: datetime) -> None:
    """Writes the report in the user's language."""
    language = user.language if user.language in Language.values else Language.EN
    with translation.override(language):
        _build(out, user=user, scope=scope, exported_at=exported_at, language=language)


def _rate(rate: float) -> str:
    return _("%(value)+.2f points per answer (last 20 answers)") % {"value": rate}


def _days(count: int) -> str:
    return ngettext("%(n)s day", "%(n)s days", count) % {"n": count}


def _build(out: IO[bytes], *, user: User, scope: str, exported_at: datetime, language: str):
    regular, bold = register_fonts()
    styles = Styles(regular, bold)
    labels = _labels()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=labels["title"],
        author="Interview Practice",
    )
    story: list = [
        paragraph(labels["title"], styles.title),
        paragraph(
            _("Generated %(when)s (UTC) for %(name)s <%(email)s>")
            % {
                "when": f"{exported_at.astimezone(UTC):%Y-%m-%d %H:%M}",
                "name": user.name or user.email,
                "email": user.email,
            },
            styles.muted,
        ),
        Spacer(1, 4 * mm),
    ]
    story += _summary(user, labels, styles, language)
    story += _progress(user, labels, styles, document.width)
    story += _skills(user, labels, styles, language)
    if scope in (ExportScope.ALL, ExportScope.SESSIONS):
        story += _sessions(user, labels, styles, language)
        story += _answers(user, labels, styles)

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(A4[0] - 18 * mm, 9 * mm, f"{labels['title']} · {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
