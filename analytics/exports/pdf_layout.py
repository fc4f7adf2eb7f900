"""The PDF report's look: colours, paragraph styles, tables and the weekly progress chart."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

CHART_WEEKS = 26
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#2f6fde")
RULE = colors.HexColor("#d9dee4")


class Styles:
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


def paragraph(text: Any, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def minutes(seconds: int) -> str:
    return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m"


def table(rows: list[list[Any]], widths: list[float], styles: Styles) -> Table:
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


def chart(buckets: list[dict], styles: Styles, width: float, empty: str) -> Drawing:
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
