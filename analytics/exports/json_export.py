"""JSON: one document, `{"export": {...}, "<table>": [rows] | {record}, ...}`, streamed."""

from __future__ import annotations

import json
from typing import IO, Any

from .data import Table


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def write_json(out: IO[bytes], *, header: dict[str, Any], tables: list[Table]) -> None:
    out.write(b'{"export":' + _dump(header))
    for table in tables:
        out.write(b",\n" + _dump(table.name) + b":")
        if table.single:
            out.write(_dump(next(iter(table.rows()), None)))
            continue
        out.write(b"[")
        for index, row in enumerate(table.rows()):
            out.write((b",\n" if index else b"\n") + _dump(row))
        out.write(b"]")
    out.write(b"}\n")
