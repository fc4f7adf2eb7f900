"""Résumé files made in the test: a text PDF, an encrypted one, an image-only one, a .docx."""

from __future__ import annotations

import io
import zipfile
import zlib

from docx import Document
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def text_pdf(lines: list[str]) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 800
    for line in lines:
        page.drawString(40, y, line)
        y -= 18
    page.save()
    return out.getvalue()


def image_only_pdf() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.rect(40, 400, 500, 380, fill=1)  # a "scan": shapes, no text layer
    page.save()
    return out.getvalue()


def encrypted_pdf(lines: list[str]) -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(text_pdf(lines))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx(paragraphs: list[str]) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written object by object, with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


_TEXT_OP = b"BT /F1 12 Tf 10 10 Td (Python engineer) Tj ET\n"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def content_bomb_pdf(inflated_bytes: int = 5_000_000) -> bytes:
    """A small file whose one page inflates to megabytes of text drawing (a "PDF bomb")."""
    packed = zlib.compress(_TEXT_OP * (inflated_bytes // len(_TEXT_OP)), 9)
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream",
            _FONT,
        ]
    )


def form_bomb_pdf(form_bytes: int = 100_000, draws: int = 100) -> bytes:
    """A page whose small content draws one text-heavy form XObject over and over."""
    packed = zlib.compress(_TEXT_OP * (form_bytes // len(_TEXT_OP)), 9)
    page = b"/X0 Do\n" * draws
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /X0 6 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(page) + page + b"\nendstream",
            _FONT,
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font "
            b"<< /F1 5 0 R >> >> /Length %d /Filter /FlateDecode >>\nstream\n"
            % len(packed)
            + packed
            + b"\nendstream",
        ]
    )


def long_pdf(pages: int, lines_per_page: int = 1) -> bytes:
    out = io.BytesIO()
    document = canvas.Canvas(out, pagesize=A4)
    for number in range(pages):
        for line in range(lines_per_page):
            document.drawString(
                40, 800 - 12 * line, f"Page {number + 1}, line {line + 1}: Python, PostgreSQL"
            )
        document.showPage()
    document.save()
    return out.getvalue()


def zip_of(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()
