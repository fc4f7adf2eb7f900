from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    # Not "Accounts": allauth's e-mail addresses are its own admin section of that name.
    verbose_name = _("Users")

    def ready(self) -> None:
        # allauth counts its page limits (sign-in, failed sign-ins, MFA, reset, ...) in Django's
        # default cache, which degrades to "miss" when Redis is down: allauth then refuses every
        # sign-in page request. Counted in the `ratelimit` cache instead, they keep holding per
        # process through an outage, like the API's limits (interview_platform/cache.py).
        from allauth.core.internal import ratelimit as allauth_ratelimit
        from django.core.cache import caches
        from django.utils.connection import ConnectionProxy

        allauth_ratelimit.cache = ConnectionProxy(caches, "ratelimit")
