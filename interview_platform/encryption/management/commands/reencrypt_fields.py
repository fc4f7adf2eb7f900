"""Key rotation: `manage.py reencrypt_fields` rewrites every encrypted column under the first key
of FIELD_ENCRYPTION_KEYS (and encrypts rows still in clear text). Safe to run again; rows already
under the newest key are left alone."""

from django.apps import apps
from django.core.management.base import BaseCommand

from interview_platform.encryption.fields import encrypted_fields
from interview_platform.encryption.rotation import model_reencrypt


class Command(BaseCommand):
    help = "Re-encrypt every encrypted column under the newest key of FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options):
        total = 0
        for model in apps.get_models():
            if not encrypted_fields(model):
                continue
            count = model_reencrypt(model, batch_size=batch_size)
            total += count
            self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
        self.stdout.write(self.style.SUCCESS(f"{total} rows re-encrypted under the newest key"))
