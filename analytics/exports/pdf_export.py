"""PDF: a readable report in the user's language (ko, en): summary, weekly progress chart,
skills, per-session scores and, for the `all` and `sessions` scopes, every answer with its
scores and feedback. Built with reportlab's platypus; fonts from `fonts.py` (Hangul embedded).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import IO, Any
from xml.sax.saxutils import escape

from django.db.models import Count, Q
from django.utils import timezone
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from accounts.models import User
from analysis.models import AnalysisResult
from questions.categories import category_text, difficulty_name
from sessions_app.models import InterviewSession

from ..models import ExportScope
from ..selectors.common import UTC
from ..selectors.user import progress, skills, user_stats
from .fonts import register_fonts

CHART_WEEKS = 26
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#2f6fde")
RULE = colors.HexColor("#d9dee4")

LABELS = {
    "en": {
        "title": "Interview practice report",
        "generated": "Generated {when} (UTC) for {name} <{email}>",
        "summary": "Summary",
        "sessions_completed": "Sessions completed",
        "questions_answered": "Answers scored",
        "average_score": "Average score",
        "time_spent": "Time practising",
        "improvement_rate": "Improvement rate",
        "improvement_unit": "{value:+.2f} points per answer (last 20 answers)",
        "streak": "Current streak",
        "streak_unit": "{value} day(s)",
        "best": "Strongest category",
        "weakest": "Weakest category",
        "progress": "Weekly average score (last {weeks} weeks)",
        "no_data": "No scored answers yet.",
        "skills": "Skills",
        "skill": "Skill",
        "score": "Score",
        "trend": "Trend",
        "count": "Answers",
        "weak_areas": "Recurring points to work on",
        "sessions": "Sessions",
        "date": "Date",
        "category": "Category",
        "difficulty": "Difficulty",
        "status": "Status",
        "answered": "Answered",
        "duration": "Minutes",
        "answers": "Answers and feedback",
        "question": "Question",
        "answer": "Your answer",
        "strengths": "Strengths",
        "improvements": "To improve",
        "preliminary": "preliminary score (offline scorer)",
        "pending": "not scored ({status})",
        "none": "-",
        "dimensions": {
            "understanding": "Understanding",
            "logic": "Logic",
            "specificity": "Specificity",
            "jobFit": "Job fit",
        },
        "trends": {"improving": "improving ↑", "stable": "stable →", "declining": "declining ↓"},
        "statuses": {"active": "active", "completed": "completed", "abandoned": "abandoned"},
    },
    "ko": {
        "title": "면접 연습 리포트",
        "generated": "{name} <{email}> 님의 리포트 · 생성 {when} (UTC)",
        "summary": "요약",
        "sessions_completed": "완료한 세션",
        "questions_answered": "채점된 답변",
        "average_score": "평균 점수",
        "time_spent": "연습 시간",
        "improvement_rate": "향상도",
        "improvement_unit": "답변당 {value:+.2f}점 (최근 20개 답변)",
        "streak": "연속 연습",
        "streak_unit": "{value}일",
        "best": "가장 강한 직무",
        "weakest": "보완할 직무",
        "progress": "주별 평균 점수 (최근 {weeks}주)",
        "no_data": "아직 채점된 답변이 없습니다.",
        "skills": "역량",
        "skill": "항목",
        "score": "점수",
        "trend": "추세",
        "count": "답변 수",
        "weak_areas": "반복해서 나온 보완점",
        "sessions": "세션",
        "date": "날짜",
        "category": "직무",
        "difficulty": "난이도",
        "status": "상태",
        "answered": "답변",
        "duration": "분",
        "answers": "답변과 피드백",
        "question": "질문",
        "answer": "내 답변",
        "strengths": "잘한 점",
        "improvements": "보완할 점",
        "preliminary": "임시 점수 (오프라인 채점)",
        "pending": "채점 전 ({status})",
        "none": "-",
        "dimensions": {
            "understanding": "질문 이해",
            "logic": "논리",
            "specificity": "구체성",
            "jobFit": "직무 적합성",
        },
        "trends": {"improving": "상승 ↑", "stable": "유지 →", "declining": "하락 ↓"},
        "statuses": {"active": "진행 중", "completed": "완료", "abandoned": "중단"},
    },
}


class _Styles:
    def __init__(self, regular: str, bold: str) -> None:
        def style(name: str, **overrides) -> ParagraphStyle:
            base = {"fontName": regular, "textColor": INK, "alignment": TA_LEFT}
            return ParagraphStyle(name, **{**base, **overrides})

        self.title = style("title", fontName=bold, fontSize=20, leading=26)
        self.muted = style("muted", fontSize=9, leading=12, textColor=MUTED)
        self.h2 = style(
            "h2",
            fontName=bold,
            fontSize=13,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.question = style("question", fontName=bold, fontSize=9.5, leading=13.5)
        self.body = style("body", fontSize=9.5, leading=13.5)
        self.cell = style("cell", fontSize=8.5, leading=11)
        self.small = style("small", fontSize=8.5, leading=11.5)
        self.regular, self.bold = regular, bold


def _p(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _minutes(seconds: int) -> str:
    return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m"


def _table(rows: list[list[Any]], widths: list[float], styles: _Styles) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.regular, 8.5),
                ("FONT", (0, 0), (-1, 0), styles.bold, 8.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _chart(buckets: list[dict], styles: _Styles, width: float, empty: str) -> Drawing:
    """Bars of each week's average score on a 0-100 axis; empty weeks have no bar."""
    height = 60 * mm
    left, bottom, top = 10 * mm, 8 * mm, 4 * mm
    plot_w, plot_h = width - left - 2 * mm, height - bottom - top
    drawing = Drawing(width, height)
    for tick in (0, 25, 50, 75, 100):
        y = bottom + plot_h * tick / 100
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                left - 2,
                y - 2.5,
                str(tick),
                fontName=styles.regular,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    slot = plot_w / max(len(buckets), 1)
    for i, bucket in enumerate(buckets):
        x = left + i * slot
        score = bucket["average_score"]
        if score is not None:
            bar_h = plot_h * score / 100
            drawing.add(
                Rect(x + slot * 0.15, bottom, slot * 0.7, bar_h, fillColor=ACCENT, strokeColor=None)
            )
        if i % 4 == 0:
            drawing.add(
                String(
                    x + slot / 2,
                    bottom - 9,
                    bucket["start"].strftime("%m/%d"),
                    fontName=styles.regular,
                    fontSize=6.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    if all(b["average_score"] is None for b in buckets):
        drawing.add(
            String(
                left + plot_w / 2,
                bottom + plot_h / 2,
                empty,
                fontName=styles.regular,
                fontSize=9,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    return drawing


def _summary(user: User, labels: dict, styles: _Styles, language: str) -> list:
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
        [labels["time_spent"], _minutes(data["time_spent"])],
        [
            labels["improvement_rate"],
            labels["none"] if rate is None else labels["improvement_unit"].format(value=rate),
        ],
        [labels["streak"], labels["streak_unit"].format(value=data["current_streak"])],
        [labels["best"], category(data["best_category"])],
        [labels["weakest"], category(data["weakest_category"])],
    ]
    table = Table(
        [[_p(a, styles.body), _p(b, styles.body)] for a, b in rows], colWidths=[55 * mm, 110 * mm]
    )
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]))
    return [_p(labels["summary"], styles.h2), table]


def _progress(user: User, labels: dict, styles: _Styles, width: float) -> list:
    today = timezone.now().astimezone(UTC).date()
    data = progress(
        user=user, period="week", start=today - timedelta(weeks=CHART_WEEKS - 1), end=today
    )
    return [
        _p(labels["progress"].format(weeks=CHART_WEEKS), styles.h2),
        _chart(data["buckets"], styles, width, labels["no_data"]),
    ]


def _skills(user: User, labels: dict, styles: _Styles, language: str) -> list:
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
        _p(labels["skills"], styles.h2),
        _table(rows, [70 * mm, 35 * mm, 35 * mm, 25 * mm], styles),
    ]
    if data["weak_areas"]:
        parts.append(_p(labels["weak_areas"], styles.h2))
        for area in data["weak_areas"]:
            parts.append(_p(f"• {area['text']} (x{area['count']})", styles.small))
    return parts


def _sessions(user: User, labels: dict, styles: _Styles, language: str) -> list:
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
                _p(name, styles.cell),
                difficulty_name(difficulty, language),
                labels["statuses"].get(status, status),
                f"{answered}/{count}",
                str(round(duration / 60)),
                labels["none"] if score is None else str(score),
            ]
        )
    if len(rows) == 1:
        return [_p(labels["sessions"], styles.h2), _p(labels["no_data"], styles.body)]
    widths = [22 * mm, 50 * mm, 20 * mm, 22 * mm, 18 * mm, 16 * mm, 16 * mm]
    return [_p(labels["sessions"], styles.h2), _table(rows, widths, styles)]


def _answers(user: User, labels: dict, styles: _Styles) -> list:
    parts: list = [_p(labels["answers"], styles.h2)]
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
    ) in rows.iterator(chunk_size=1000):
        if total is None:
            score_line = labels["pending"].format(status=status)
        else:
            score_line = (
                f"{labels['score']} {total}/100 · {names['understanding']} {understanding} · "
                f"{names['logic']} {logic} · {names['specificity']} {specificity} · "
                f"{names['jobFit']} {job_fit}"
            )
            if preliminary:
                score_line += f" · {labels['preliminary']}"
        block = [
            _p(
                f"{created.astimezone(UTC):%Y-%m-%d %H:%M} · {labels['question']}: {question}",
                styles.question,
            ),
            _p(score_line, styles.muted),
            _p(f"{labels['answer']}: {answer}", styles.small),
        ]
        for title, notes in (
            (labels["strengths"], strengths),
            (labels["improvements"], improvements),
        ):
            if notes:
                block.append(_p(f"{title}: " + " / ".join(str(n) for n in notes), styles.small))
        parts.append(KeepTogether([*block, Spacer(1, 3 * mm)]) if len(answer) < 1500 else block)
    if len(parts) == 1:
        parts.append(_p(labels["no_data"], styles.body))
    flat: list = []
    for part in parts:
        flat.extend(part if isinstance(part, list) else [part])
    return flat


def write_pdf(out: IO[bytes], *, user: User, scope: str, exported_at: datetime) -> None:
    regular, bold = register_fonts()
    styles = _Styles(regular, bold)
    language = user.language if user.language in LABELS else "en"
    labels = LABELS[language]
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
        _p(labels["title"], styles.title),
        _p(
            labels["generated"].format(
                when=f"{exported_at.astimezone(UTC):%Y-%m-%d %H:%M}",
                name=user.name or user.email,
                email=user.email,
            ),
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
