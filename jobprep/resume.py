"""Text out of an uploaded résumé (PDF, Word .docx or plain text, at most 2 MB).

Every way a file can be unusable ends as an `ApplicationError` with its own code and a message
the user can act on (never a 500): too large, a type we do not read, a malformed or encrypted
PDF, a PDF of scanned images with no text layer, an empty document."""

from __future__ import annotations

import io
import logging
import time
import zipfile

from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError

logger = logging.getLogger("jobprep")

MAX_RESUME_BYTES = 2 * 1024 * 1024
MAX_RESUME_PAGES = 30
MAX_RESUME_CHARS = 20_000
# A file of at most 2 MB can still inflate to a great deal of page content (a "PDF bomb") whose
# text extraction would hold a web worker for minutes. A text résumé's pages hold a few tens of
# kilobytes of content each: beyond this much decoded content in all, the PDF is refused before
# any text is extracted, and pypdf's own decoding and parsing budgets are tightened to match.
MAX_PDF_CONTENT_BYTES = 1_000_000
# Text drawn through form XObjects is not in a page's own content and can be drawn many times
# over: text extraction is also stopped after this many drawing operations in all (a dense
# résumé page has a few thousand) or this many seconds, whichever comes first.
MAX_PDF_OPERATIONS = 40_000
MAX_PDF_EXTRACTION_SECONDS = 5.0
_PDF_LIMITS = {
    "zlib_maximum_output_length": 2 * MAX_PDF_CONTENT_BYTES,
    "lzw_maximum_output_length": 2 * MAX_PDF_CONTENT_BYTES,
    "run_length_maximum_output_length": 2 * MAX_PDF_CONTENT_BYTES,
    "brotli_maximum_output_length": 2 * MAX_PDF_CONTENT_BYTES,
    "stream_parsing_work_maximum_count": 200_000,
    "xform_maximum_invocations_per_extraction": 20,
}
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
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

    too_complex = _error(
        _(
            "This PDF holds far more than text and is too large to read. Export it again as a "
            "plain PDF, or upload a Word file or plain text."
        ),
        "resume_too_complex",
    )
    try:
        with apply_configuration(**_PDF_LIMITS):
            text = _pdf_reader_text(PdfReader(io.BytesIO(data)), too_complex)
    except ApplicationError:
        raise
    except LimitReachedError as exc:
        logger.info("résumé PDF over a decoding limit: %s", exc)
        raise too_complex from exc
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


def _pdf_reader_text(reader, too_complex: ApplicationError) -> str:
    """The text of an opened PDF, refused when encrypted, too long or too much content."""
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
    content = 0
    for page in reader.pages:
        contents = page.get_contents()
        content += len(contents.get_data()) if contents is not None else 0
        if content > MAX_PDF_CONTENT_BYTES:
            raise too_complex
    operations = 0
    deadline = time.monotonic() + MAX_PDF_EXTRACTION_SECONDS

    def budget(*_args) -> None:
        nonlocal operations
        operations += 1
        if operations > MAX_PDF_OPERATIONS or time.monotonic() > deadline:
            raise too_complex

    return "\n".join(
        (page.extract_text(visitor_operand_before=budget) or "") for page in reader.pages
    )


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
