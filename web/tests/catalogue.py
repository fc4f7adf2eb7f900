"""Extracts every translatable string of the project the way `makemessages` does, without
writing into the repository: Python files go to xgettext as they are, templates after Django's
`templatize`. Used by the catalogue tests and by `python -m web.tests.catalogue` (lists what is
missing, to fill `locale/ko/LC_MESSAGES/django.po`)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIP_DIRS = {".venv", "var", "node_modules", "tests", "migrations", "bench", ".git", "staticfiles"}
KEYWORDS = [
    "--keyword=gettext_noop",
    "--keyword=gettext_lazy",
    "--keyword=ngettext_lazy:1,2",
    "--keyword=pgettext:1c,2",
    "--keyword=npgettext:1c,2,3",
    "--keyword=pgettext_lazy:1c,2",
    "--keyword=npgettext_lazy:1c,2,3",
]


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str | None
    context: str | None
    where: str

    @property
    def key(self):
        msgid = f"{self.context}\x04{self.msgid}" if self.context else self.msgid
        return (msgid, 0) if self.plural else msgid


def _source_files(suffix: str) -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob(f"*{suffix}")
        if not SKIP_DIRS.intersection(path.relative_to(ROOT).parts)
    )


def tool(name: str) -> str:
    return shutil.which(name) or name


def python_files() -> list[Path]:
    return _source_files(".py")


def template_files() -> list[Path]:
    return _source_files(".html")


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def parse_po(text: str, where_default: str = "") -> list[Message]:
    """A small reader for xgettext's output (msgctxt, msgid, msgid_plural, continued lines)."""
    messages: list[Message] = []
    entry: dict[str, str] = {}
    where = where_default
    current = None

    def flush():
        if entry.get("msgid"):
            messages.append(
                Message(entry["msgid"], entry.get("msgid_plural"), entry.get("msgctxt"), where)
            )

    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            flush()
            entry, current, where = {}, None, where_default
        elif line.startswith("#:"):
            where = line[2:].strip().split()[0]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if current:
                entry[current] += _unquote(line)
        else:
            keyword, _, value = line.partition(" ")
            if keyword.startswith("msgstr"):
                current = None
                continue
            current = keyword
            entry[keyword] = _unquote(value)
    return messages


def extract() -> list[Message]:
    from django.utils.translation import templatize

    with tempfile.TemporaryDirectory() as tmp:
        inputs = [str(path) for path in python_files()]
        for path in template_files():
            relative = path.relative_to(ROOT)
            target = Path(tmp) / f"{relative}.py"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(templatize(path.read_text(encoding="utf-8"), origin=str(relative)))
            inputs.append(str(target))
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(inputs))
        result = subprocess.run(
            [
                tool("xgettext"),
                "--language=Python",
                "--from-code=UTF-8",
                "--output=-",
                "--no-wrap",
                *KEYWORDS,
                f"--files-from={listing}",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    pot = result.stdout.replace(tmp + "/", "").replace(str(ROOT) + "/", "")
    return parse_po(pot)


def missing_in(language: str) -> list[Message]:
    """The project's strings that the compiled catalogues do not translate into `language`."""
    from django.utils.translation import trans_real

    catalog = trans_real.translation(language)._catalog
    missing = []
    for message in extract():
        translated = catalog.get(message.key)
        if not translated:
            missing.append(message)
    return missing


def our_po_files() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.po")
        if not SKIP_DIRS.intersection(path.relative_to(ROOT).parts)
    )


FUZZY = re.compile(r"^#,.*\bfuzzy\b", re.MULTILINE)


if __name__ == "__main__":
    import django

    django.setup()
    for message in missing_in("ko"):
        print(f"#: {message.where}")
        if message.context:
            print(f"msgctxt {message.context!r}")
        print(f"msgid {message.msgid!r}")
        if message.plural:
            print(f"msgid_plural {message.plural!r}")
        print()
