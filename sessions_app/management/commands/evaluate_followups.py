"""`manage.py evaluate_followups`: follow-up quality on a hand-written set (`make eval`)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sessions_app.eval.harness import (
    DEFAULT_FILE,
    HELDOUT_SETS,
    evaluate,
    format_report,
    load_items,
)


class Command(BaseCommand):
    help = (
        "Write the offline follow-up for every answer of a labelled set (JSON Lines) and print, "
        "per language, the share that probes what the answer lacked, quoting it; then the same "
        "figures for each held-out set."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEFAULT_FILE), help="labelled set (.jsonl)")
        parser.add_argument(
            "--held-out",
            action="append",
            help="a labelled set reported on its own (repeatable; default: the project's "
            "held-out sets; '' to skip them)",
        )
        parser.add_argument(
            "--show-held-out-misses",
            action="store_true",
            help="also list the held-out sets' misses (reading them spends the set: a rule "
            "changed after reading them is tuned on it)",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="exit with an error when the tuning set misses the target (held-out sets are "
            "reported, not gated: gating on one would make it one more set to tune on)",
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
        if options["held_out"] is None:
            held_out_sets = [(title, path) for title, path in HELDOUT_SETS]
        else:
            held_out_sets = [(f"held-out set {p}", Path(p)) for p in options["held_out"] if p]
        for title, path in held_out_sets:
            held_out = evaluate(self._items(path))
            self.stdout.write("")
            self.stdout.write(
                format_report(
                    held_out,
                    title=title,
                    gated=False,
                    misses=options["show_held_out_misses"],
                )
            )
        if options["check"] and not report.meets_target:
            raise CommandError("follow-up quality target not met")
