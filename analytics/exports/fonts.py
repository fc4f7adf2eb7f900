"""The PDF report's fonts: a TrueType font with Hangul, embedded (subset) in every PDF, so a
Korean report reads the same on any machine, whatever fonts it has.

NanumGothic (SIL Open Font License) comes from the pinned PyPI package `koreanize-matplotlib`,
which ships the .ttf files; it is located without importing the package (importing it would
load matplotlib). reportlab embeds TrueType outlines only, which rules out the CFF-based
Noto CJK .otf files other packages ship. `EXPORT_PDF_FONT` / `EXPORT_PDF_FONT_BOLD` (paths) or
Debian's fonts-nanum are used when set or present; without any of them the report falls back
to reportlab's built-in Korean CID font, which a PDF viewer must supply (logged as a warning).
"""

from __future__ import annotations

import importlib.util
import logging
import os
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

logger = logging.getLogger("analytics.exports")

REGULAR = "ReportSans"
BOLD = "ReportSans-Bold"
_DEBIAN = Path("/usr/share/fonts/truetype/nanum")


def _package_fonts() -> Path | None:
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


def font_files() -> tuple[Path, Path] | None:
    """(regular, bold) .ttf paths, or None when no Hangul TrueType font is available."""
    configured = os.environ.get("EXPORT_PDF_FONT")
    if configured and Path(configured).is_file():
        bold = os.environ.get("EXPORT_PDF_FONT_BOLD") or configured
        return Path(configured), Path(bold) if Path(bold).is_file() else Path(configured)
    for folder in (_package_fonts(), _DEBIAN):
        if folder is None:
            continue
        regular, bold = folder / "NanumGothic.ttf", folder / "NanumGothicBold.ttf"
        if regular.is_file():
            return regular, bold if bold.is_file() else regular
    return None


@cache
def register_fonts() -> tuple[str, str]:
    """Registers the report fonts once per process; returns (regular, bold) font names."""
    files = font_files()
    if files is None:
        logger.warning(
            "no Hangul TrueType font found (install koreanize-matplotlib or set "
            "EXPORT_PDF_FONT); PDF reports use a non-embedded CID font"
        )
        pdfmetrics.registerFont(UnicodeCIDFont("HYGothic-Medium"))
        return "HYGothic-Medium", "HYGothic-Medium"
    regular, bold = files
    pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    return REGULAR, BOLD
