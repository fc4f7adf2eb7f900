"""The PDF report's fonts: a TrueType font with Hangul, embedded (subset) in every PDF, so a
Korean report reads the same on any machine, whatever fonts it has.

NanumGothic regular and bold ship with the code (`fonts/`, unmodified, SIL Open Font License
1.1: `fonts/OFL.txt`). reportlab embeds TrueType outlines only, which rules out the CFF-based
Noto CJK .otf files. `EXPORT_PDF_FONT` / `EXPORT_PDF_FONT_BOLD` (paths to .ttf files) replace
them when set.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "ReportSans"
BOLD = "ReportSans-Bold"
BUNDLED = Path(__file__).resolve().parent / "fonts"


def font_files() -> tuple[Path, Path]:
    """(regular, bold) .ttf paths: the configured ones, else the bundled NanumGothic."""
    configured = settings.EXPORT_PDF_FONT
    if not configured:
        return BUNDLED / "NanumGothic.ttf", BUNDLED / "NanumGothicBold.ttf"
    regular = Path(configured)
    bold = Path(settings.EXPORT_PDF_FONT_BOLD or configured)
    for path in (regular, bold):
        if not path.is_file():
            raise ImproperlyConfigured(f"EXPORT_PDF_FONT(_BOLD): no font file at {path}")
    return regular, bold


@cache
def register_fonts() -> tuple[str, str]:
    """Registers the report fonts once per process; returns (regular, bold) font names."""
    regular, bold = font_files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    return REGULAR, BOLD
