"""CSV: a zip with one CSV per table (UTF-8 with a byte-order mark, so spreadsheet programs
read Korean correctly), plus README.txt. JSON values (lists, objects) are written as JSON text;
a missing value is an empty cell."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import IO, Any

from .data import Table

README = """Interview practice data export ({scope})

Exported at {exported_at} for {email}.
One CSV file per table, UTF-8, comma-separated, first row = column names.
Cells holding lists or objects (strengths, feedback, metadata...) are JSON text.
Times are ISO-8601 in UTC (ending in Z); durations are seconds; scores are 0-100
(understanding, logic, specificity and jobFit are 0-25 each).

Files:
{files}
"""


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv_zip(out: IO[bytes], *, header: dict[str, Any], tables: list[Table]) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        listing = []
        for table in tables:
            name = f"{table.name}.csv"
            count = 0
            with archive.open(name, "w") as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                writer = csv.writer(text)
                writer.writerow(table.columns)
                for row in table.rows():
                    writer.writerow([_cell(row.get(column)) for column in table.columns])
                    count += 1
                text.flush()
                text.detach()
            listing.append(f"  {name}: {count} row(s)")
        archive.writestr(
            "README.txt",
            README.format(
                scope=header["scope"],
                exported_at=header["exportedAt"],
                email=header["email"],
                files="\n".join(listing),
            ),
        )
