"""`manage.py evaluate_analysis`: how well a provider orders graded answers (`make eval`)."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from analysis.ai.registry import get_ai_service, resolve_provider_name
from analysis.eval.adversarial import (
    HELDOUT2_FILES,
    HELDOUT3_FILES,
    HELDOUT4_FILES,
    HELDOUT5_FILES,
    HELDOUT6_FILES,
    HELDOUT7_FILES,
    HELDOUT8_FILES,
    HELDOUT9_FILES,
    HELDOUT10_FILES,
    HELDOUT_FILES,
    TYPED_DEV_FILES,
    format_adversarial,
    load_adversarial_set,
    run_adversarial,
)
from analysis.eval.determinism import check_determinism, format_determinism
from analysis.eval.harness import (
    DEFAULT_FILE,
    content_only,
    evaluate,
    format_report,
    load_graded_set,
    measure_speed,
    question_context,
)

# Each held-out set was written before the round of changes it measures; once its misses are
# read it is development data in all but name, and the next round needs a new set.
HELDOUT_SETS = (
    (
        HELDOUT_FILES,
        "Adversarial first held-out set (written before the bank signal; its misses have since "
        "been read)",
    ),
    (HELDOUT2_FILES, "Adversarial second held-out set (its misses have since been read)"),
    (HELDOUT3_FILES, "Adversarial third held-out set (its misses have since been read)"),
    (HELDOUT4_FILES, "Adversarial fourth held-out set (its misses have since been read)"),
    (
        HELDOUT5_FILES,
        "Adversarial fifth held-out set (written blind; its misses have since been read)",
    ),
    (
        HELDOUT6_FILES,
        "Adversarial sixth held-out set (written blind; 360/449 before it was read, since read)",
    ),
    (
        HELDOUT7_FILES,
        "Adversarial seventh held-out set (written blind; 392/471 on the code before it was read)",
    ),
    (
        HELDOUT8_FILES,
        "Adversarial eighth held-out set (typed questions in other words, written blind; 59/102 "
        "on the code before its round, 72/102 before it was read, since read)",
    ),
    (
        HELDOUT9_FILES,
        "Adversarial ninth held-out set (typed questions, written blind; 120/152 on the code "
        "before its round, 121/152 before it was read, since read)",
    ),
    (
        HELDOUT10_FILES,
        "Adversarial tenth held-out set (typed questions, written blind; 108/141 on the code "
        "before its round; its misses not read)",
    ),
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
            "--no-determinism",
            action="store_true",
            help="skip analysing every answer again (here and in a fresh process)",
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
            development = load_adversarial_set()
            adversarial = run_adversarial(development, service)
            self.stdout.write("")
            self.stdout.write(
                format_adversarial(
                    adversarial,
                    verbose=options["verbose"],
                    title="Adversarial development set (the scorer was tuned on it)",
                )
            )
            typed = load_adversarial_set(TYPED_DEV_FILES)
            self.stdout.write("")
            self.stdout.write(
                format_adversarial(
                    run_adversarial(typed, service),
                    verbose=options["verbose"],
                    title="Adversarial typed-question development set (written for the relevance "
                    "round of 2026-12-07; tuned on)",
                )
            )
            held_out = [*typed]
            for files, title in HELDOUT_SETS:
                questions_of_set = load_adversarial_set(files)
                held_out += questions_of_set
                self.stdout.write("")
                self.stdout.write(
                    format_adversarial(
                        run_adversarial(questions_of_set, service),
                        verbose=options["verbose"],
                        title=title,
                    )
                )
        determinism = None
        if provider == "offline" and not options["no_determinism"]:
            cases = [
                (f"{q.id} {a.label}", question_context(q), a.text)
                for q in questions
                for a in q.answers
            ]
            if not options["no_adversarial"]:
                for q in [*development, *held_out]:
                    context = q.context()
                    cases.append((f"{q.id} honest", context, q.honest))
                    cases += [(f"{q.id} {a.kind}", context, a.text) for a in q.attacks]
            determinism = check_determinism(cases)
            self.stdout.write("")
            self.stdout.write(format_determinism(determinism))
        if options["check"] and not report.overall.meets_targets:
            raise CommandError("quality targets not met")
        if options["check"] and adversarial is not None and not adversarial.meets_target:
            raise CommandError("adversarial target not met")
        if options["check"] and determinism is not None and not determinism.held:
            raise CommandError("determinism not met")
