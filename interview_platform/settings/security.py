"""Security headers for every response, and HTTPS hardening when DJANGO_ENV=production."""

from __future__ import annotations

from csp.constants import NONE, SELF

from .base import IS_PRODUCTION
from .env import env_bool, env_int

# --- Content-Security-Policy (django-csp) ----------------------------------------------------
# The pages load their script and styles from our own static files only: no inline script, no
# inline style attributes, nothing from another origin. Social sign-in leaves by redirects,
# which `form-action` would block in some browsers, so that directive is not set.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The API documentation pages (Swagger UI, Redoc) run third-party bundles that inject styles at
# run time; they get this addition to the policy, and nothing else does. The bundles are our own
# static files (drf-spectacular-sidecar), so no other origin is allowed.
CSP_API_DOCS_UPDATE = {
    "style-src": ["'unsafe-inline'"],
    "font-src": ["data:"],
    "worker-src": [SELF, "blob:"],
}

# Browser features the product never uses are switched off for the pages and anything they embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), "
    "xr-spatial-tracking=(), interest-cohort=()"
)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_HTTPONLY = True
    # A file missing from collectstatic's manifest is served by its plain name, not a 500.
    WHITENOISE_MANIFEST_STRICT = False
