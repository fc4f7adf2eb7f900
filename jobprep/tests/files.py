"""Résumé files made in the test: a text PDF, an encrypted one, an image-only one, a .docx."""

from __future__ import annotations

import io

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
