"""Text out of an uploaded résumé (PDF, Word .docx or plain text, at most 2 MB).

Every way a file can be unusable ends as an `ApplicationError` with its own code and a message
the user can act on (never a 500): too large, a type we do not read, a malformed or encrypted
PDF, a PDF of scanned images with no text layer, an empty document."""

from __future__ import annotations

import io
import logging
import zipfile

from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError

logger = logging.getLogger("jobprep")

MAX_RESUME_BYTES = 2 * 1024 * 1024
MAX_RESUME_PAGES = 30
MAX_RESUME_CHARS = 20_000
# A page of real text has far more; fewer characters per page means images (a scan).
MIN_TEXT_CHARS = 40

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"


def _error(message: str, code: str, *, status: int = 400) -> ApplicationError:
    return ApplicationError(
        message, code=code, status=status, details={"fields": {"resume": [message]}}
    )


def _kind(name: str, head: bytes) -> str:
    lowered = name.lower()
    if head.startswith(_PDF_MAGIC):
        return "pdf"
    if head.startswith(_ZIP_MAGIC) and lowered.endswith(".docx"):
        return "docx"
    if lowered.endswith((".txt", ".md")):
        return "text"
    if lowered.endswith(".pdf"):
        return "bad_pdf"
    return "unsupported"


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _error(
                _("This PDF is password-protected. Upload a copy without a password."),
                "resume_encrypted",
            )
        if len(reader.pages) > MAX_RESUME_PAGES:
            raise _error(
                _("A résumé may have at most %(n)s pages.") % {"n": MAX_RESUME_PAGES},
                "resume_too_long",
            )
        text = "\n".join((page.extract_text() or "") for page in reader.pages)
    except ApplicationError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        logger.info("unreadable résumé PDF: %s", type(exc).__name__)
        raise _error(
            _("This PDF could not be read; it may be damaged. Try exporting it again."),
            "resume_unreadable",
        ) from exc
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise _error(
            _(
                "This PDF has no text we can read (a scan or images). Upload a PDF with "
                "selectable text, a Word file or plain text."
            ),
            "resume_no_text",
        )
    return text


def _docx_text(data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _error(
            _("This Word file could not be read; it may be damaged."), "resume_unreadable"
        ) from exc
    except XMLSyntaxError as exc:
        logger.info("unreadable résumé DOCX: %s", type(exc).__name__)
        raise _error(
            _("This Word file could not be read; it may be damaged."), "resume_unreadable"
        ) from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" · ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _plain_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _error(_("This text file is not UTF-8 text."), "resume_unreadable")


def resume_text_extract(*, name: str, data: bytes) -> str:
    """The résumé's text, whitespace-tidied and capped; raises ApplicationError when unusable."""
    if len(data) > MAX_RESUME_BYTES:
        raise _error(_("A résumé may be at most 2 MB."), "resume_too_large", status=413)
    if not data:
        raise _error(_("The résumé file is empty."), "resume_empty")
    kind = _kind(name, data[:8])
    if kind == "pdf":
        text = _pdf_text(data)
    elif kind == "docx":
        text = _docx_text(data)
    elif kind == "text":
        text = _plain_text(data)
    elif kind == "bad_pdf":
        raise _error(_("This file is named .pdf but is not a PDF."), "resume_unreadable")
    else:
        raise _error(
            _("Upload the résumé as a PDF, a Word (.docx) file or plain text."),
            "resume_unsupported_type",
            status=415,
        )
    lines = [" ".join(line.split()) for line in text.replace("\x00", "").splitlines()]
    cleaned = "\n".join(line for line in lines if line)
    if len(cleaned) < MIN_TEXT_CHARS:
        raise _error(_("The résumé has almost no text."), "resume_empty")
    return cleaned[:MAX_RESUME_CHARS]
