"""Every user-facing string exists in Korean and English.

English is the source language: every string marked for translation must have a Korean entry
in a compiled catalogue (ours, or Django's and allauth's for their own strings), no entry of ours
may be fuzzy, and the committed .mo files must be compiled from the .po files beside them.
Every error a service raises goes through gettext, so API error paths are covered by the same
check; `test_untranslated_pages.py` then renders the pages and API errors in both languages.
"""

from __future__ import annotations

import ast
import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

from .catalogue import FUZZY, ROOT, missing_in, our_po_files, python_files, tool

pytestmark = pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msgfmt")),
    reason="GNU gettext (xgettext, msgfmt) is not installed",
)


def test_every_translatable_string_has_a_korean_translation():
    missing = missing_in("ko")
    assert not missing, (
        "no Korean translation (run `python -m web.tests.catalogue`):\n"
        + "\n".join(f"  {m.where}: {m.msgid!r}" for m in missing)
    )


def test_no_catalogue_entry_is_fuzzy():
    fuzzy = []
    for po in our_po_files():
        text = po.read_text(encoding="utf-8")
        # The header may carry the flag of a catalogue never edited; entries may not.
        body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
        fuzzy += [f"{po.relative_to(ROOT)}: {m.group(0)}" for m in FUZZY.finditer(body)]
    assert not fuzzy, "fuzzy entries are not used by gettext:\n" + "\n".join(fuzzy)


def test_the_compiled_catalogues_match_their_sources(tmp_path):
    stale = []
    for po in our_po_files():
        mo = po.with_suffix(".mo")
        fresh = tmp_path / "fresh.mo"
        subprocess.run([tool("msgfmt"), "--check", "-o", str(fresh), str(po)], check=True)
        with mo.open("rb") as committed, fresh.open("rb") as compiled:
            if (
                gettext.GNUTranslations(committed)._catalog
                != gettext.GNUTranslations(compiled)._catalog
            ):
                stale.append(str(po.relative_to(ROOT)))
    assert not stale, "recompile with `msgfmt -o django.mo django.po`: " + ", ".join(stale)


# --- every error message goes through gettext -----------------------------------------------

ERROR_FACTORIES = {"ApplicationError", "field_error", "auth_error", "ValidationError"}


def _is_translated(node: ast.AST) -> bool:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _is_translated(node.left)
    if isinstance(node, ast.Dict):  # {field: [messages]}
        return all(_is_translated(value) for value in node.values)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(_is_translated(item) for item in node.elts)
    if isinstance(node, ast.Call):
        # gettext itself, or a helper that builds messages (checked where it builds them).
        return True
    # A variable or attribute carries a message made elsewhere (that place is checked too).
    return isinstance(node, (ast.Name, ast.Attribute, ast.Subscript))


def _untranslated_errors(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name not in ERROR_FACTORIES:
            continue
        message = (
            node.args[0]
            if node.args
            else next((kw.value for kw in node.keywords if kw.arg == "message"), None)
        )
        if message is not None and not _is_translated(message):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(message)[:80]}")
    return found


def test_every_error_message_is_marked_for_translation():
    found = [line for path in python_files() for line in _untranslated_errors(path)]
    assert not found, "error messages shown to users without gettext:\n" + "\n".join(found)
