"""`manage.py evaluate_analysis`: how well a provider orders graded answers (`make eval`)."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from analysis.ai.registry import get_ai_service, resolve_provider_name
from analysis.eval.adversarial import format_adversarial, load_adversarial_set, run_adversarial
from analysis.eval.harness import (
    DEFAULT_FILE,
    content_only,
    evaluate,
    format_report,
    load_graded_set,
    measure_speed,
)


class Command(BaseCommand):
    help = (
        "Score every answer of a graded set (JSON Lines) and print, per language and overall, "
        "the share of answer pairs ordered good > ok > bad, the mean score per grade and its "
        "spread; then the adversarial set's expectations held, per attack type and language."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEFAULT_FILE), help="graded set (.jsonl)")
        parser.add_argument(
            "--provider",
            choices=["offline", "openai", "auto"],
            default="offline",
            help="provider to measure (default: offline; auto follows AI_PROVIDER's rule)",
        )
        parser.add_argument(
            "--no-timing", action="store_true", help="skip the 5,000-character speed measurement"
        )
        parser.add_argument(
            "--check", action="store_true", help="exit with an error when a target is missed"
        )
        parser.add_argument(
            "--no-adversarial",
            action="store_true",
            help="skip the adversarial set (attacks paired with honest answers)",
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="list every adversarial expectation, not only misses",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no graded set at {path}")
        try:
            questions = load_graded_set(path)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        try:
            provider = resolve_provider_name(options["provider"])
            service = get_ai_service(provider)
        except ImproperlyConfigured as exc:
            raise CommandError(f"provider {options['provider']!r} is not available: {exc}") from exc
        label = f"{provider} ({getattr(service, 'rubric_version', '') or 'model'})"
        report = evaluate(questions, service, provider=label, file=str(path))
        if provider == "offline":
            report.content_only = content_only(questions)
            if not options["no_timing"]:
                report.speed_ms = measure_speed(service, questions)
        self.stdout.write(format_report(report))
        adversarial = None
        if not options["no_adversarial"]:
            adversarial = run_adversarial(load_adversarial_set(), service)
            self.stdout.write("")
            self.stdout.write(format_adversarial(adversarial, verbose=options["verbose"]))
        if options["check"] and not report.overall.meets_targets:
            raise CommandError("quality targets not met")
        if options["check"] and adversarial is not None and not adversarial.meets_target:
            raise CommandError("adversarial target not met")
