from django.core.management.base import BaseCommand, CommandError

from core.choices import BANK_CATEGORIES, Language
from questions.bank import BankError
from questions.services import questions_seed


class Command(BaseCommand):
    help = "Loads the question bank files into the database (idempotent, keyed by question key)."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", choices=Language.values)
        parser.add_argument(
            "--category", action="append", choices=[c.value for c in BANK_CATEGORIES]
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Deactivate bank questions that are no longer in the files.",
        )
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="Also reset bank questions staff edited since the last seeding to the files.",
        )

    def handle(
        self, *args, language=None, category=None, prune=False, overwrite_edits=False, **options
    ):
        try:
            summary = questions_seed(
                languages=language,
                categories=category,
                prune=prune,
                overwrite_edits=overwrite_edits,
            )
        except BankError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Question bank: {summary}."))
        if summary.skipped_edited:
            self.stdout.write(
                self.style.WARNING(
                    f"Left as staff edited them ({len(summary.skipped_edited)}; "
                    "--overwrite-edits resets them to the files): "
                    + ", ".join(summary.skipped_edited)
                )
            )
