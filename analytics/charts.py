"""Server-side bar charts for the admin's platform analytics page: geometry computed here, drawn
as inline SVG by the template (no JavaScript, nothing loaded from elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    title: str


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def column_chart(
    points: list[tuple[str, float | None]],
    *,
    width: int = 720,
    height: int = 180,
    maximum: float | None = None,
    label_every: int = 5,
) -> dict:
    """Vertical bars for (label, value) points; the y axis has 4 gridlines up to a round max."""
    top, bottom, left = 10, 22, 36
    plot_w, plot_h = width - left - 6, height - top - bottom
    scale = maximum or _nice_max(max((v or 0) for _, v in points) if points else 0)
    slot = plot_w / max(len(points), 1)
    bars = []
    for i, (label, value) in enumerate(points):
        bar_h = plot_h * (value or 0) / scale
        shown = "-" if value is None else f"{value:g}"
        bars.append(
            Bar(
                x=round(left + i * slot + slot * 0.12, 2),
                y=round(top + plot_h - bar_h, 2),
                width=round(max(slot * 0.76, 1), 2),
                height=round(bar_h, 2),
                label=label if i % label_every == 0 else "",
                value=shown,
                title=f"{label}: {shown}",
            )
        )
    grid = [
        {"y": round(top + plot_h - plot_h * n / 4, 2), "label": f"{scale * n / 4:g}"}
        for n in range(5)
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - 6,
        "label_y": height - 6,
        "bars": bars,
        "grid": grid,
    }


def bar_list(points: list[tuple[str, float | None]], *, maximum: float = 100) -> list[dict]:
    """Horizontal bars as percentages of `maximum`, for a labelled list."""
    return [
        {
            "label": label,
            "value": "-" if value is None else f"{value:g}",
            "percent": 0 if value is None else round(100 * min(value, maximum) / maximum, 1),
        }
        for label, value in points
    ]
