"""`manage.py evaluate_followups`: follow-up quality on a hand-written set (`make eval`)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sessions_app.eval.harness import (
    DEFAULT_FILE,
    HELDOUT_FILE,
    evaluate,
    format_report,
    load_items,
)


class Command(BaseCommand):
    help = (
        "Write the offline follow-up for every answer of a labelled set (JSON Lines) and print, "
        "per language, the share that probes what the answer lacked, quoting it."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEFAULT_FILE), help="labelled set (.jsonl)")
        parser.add_argument(
            "--held-out",
            default=str(HELDOUT_FILE),
            help="a labelled set the rules were not tuned on, reported on its own ('' to skip)",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="exit with an error when the tuning set misses the target (the held-out set "
            "is reported, not gated: gating on it would make it one more set to tune on)",
        )

    def _items(self, path: Path):
        if not path.is_file():
            raise CommandError(f"no labelled set at {path}")
        try:
            return load_items(path)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc

    def handle(self, *args, **options):
        report = evaluate(self._items(Path(options["file"])))
        self.stdout.write(format_report(report))
        if options["held_out"]:
            held_out = evaluate(self._items(Path(options["held_out"])))
            self.stdout.write("")
            self.stdout.write(
                format_report(held_out, title="held-out set, not tuned on", gated=False)
            )
        if options["check"] and not report.meets_target:
            raise CommandError("follow-up quality target not met")
