"""The libraries' admin labels that ship without a Korean translation of their own (model and
app names of the token blacklist and of Celery beat's schedules). Marked here so `makemessages`
keeps their entries in `locale/ko`, which takes precedence over the libraries' catalogues."""

from django.utils.translation import gettext_noop

LIBRARY_LABELS = (
    gettext_noop("Token Blacklist"),
    gettext_noop("Outstanding Token"),
    gettext_noop("Outstanding Tokens"),
    gettext_noop("Blacklisted Token"),
    gettext_noop("Blacklisted Tokens"),
    gettext_noop("Periodic Tasks"),
    gettext_noop("periodic task"),
    gettext_noop("periodic tasks"),
    gettext_noop("clocked"),
    gettext_noop("crontab"),
    gettext_noop("crontabs"),
    gettext_noop("interval"),
    gettext_noop("intervals"),
    gettext_noop("solar event"),
    gettext_noop("solar events"),
)
