import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interview_platform.settings")
# What django.core.asgi.get_asgi_application() does, with the project's handler (safe methods
# outside a transaction: interview_platform/handlers.py).
django.setup(set_prefix=False)

from interview_platform.handlers import ApiASGIHandler  # noqa: E402 - after django.setup()

application = ApiASGIHandler()
