"""Core Django settings: apps, database, cache, storage, email, languages."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import (
    BASE_DIR,
    env_bool,
    env_choice,
    env_db,
    env_int,
    env_list,
    env_str,
    parse_db_url,
)
from .redis_conf import caches_config, redis_target_from_env

DJANGO_ENV = env_choice("DJANGO_ENV", "development", {"development", "production", "test"})
IS_PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DEBUG", default=DJANGO_ENV == "development")

# JWT_SECRET is accepted as the secret key so one secret can be handed to the app (spec's env list).
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or env_str("JWT_SECRET")
if not SECRET_KEY:
    if IS_PRODUCTION:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or JWT_SECRET) in production.")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production-0123456789abcdef"
if IS_PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production (DJANGO_ENV=production).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

VAR_DIR = BASE_DIR / "var"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # third party
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    # Swagger UI and Redoc served from our own static files: /api/docs works offline.
    "drf_spectacular_sidecar",
    "django_filters",
    "corsheaders",
    "django_celery_beat",
    "import_export",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    # ours
    "interview_platform.api",
    "interview_platform.encryption",
    "auditlog",
    "interview_platform.audit",
    "accounts",
    "questions",
    "sessions_app",
    "jobprep",
    "analysis",
    "analytics",
    "web",
]

MIDDLEWARE = [
    "interview_platform.metrics.MetricsMiddleware",
    "interview_platform.api.middleware.RequestIdMiddleware",
    "interview_platform.api.budget.RequestBudgetMiddleware",
    "interview_platform.db_router.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "interview_platform.api.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.MfaSessionGuardMiddleware",
    "interview_platform.audit.recording.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Our 404/403 pages instead of Django's, even with DEBUG on (no URL list): web/errors.py.
    "web.errors.ErrorPageMiddleware",
    "interview_platform.api.middleware.ApiExceptionMiddleware",
    "interview_platform.api.middleware.AccessLogMiddleware",
]

ROOT_URLCONF = "interview_platform.urls"
WSGI_APPLICATION = "interview_platform.wsgi.application"
ASGI_APPLICATION = "interview_platform.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
_default_db = env_db("DATABASE_URL")
if _default_db is None:
    VAR_DIR.mkdir(exist_ok=True)
    _default_db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(VAR_DIR / "db.sqlite3")}
USES_POSTGRES = _default_db["ENGINE"] == "django.db.backends.postgresql"
DATABASE_POOL = env_bool("DATABASE_POOL", default=USES_POSTGRES)


def _tune(config: dict) -> dict:
    config.setdefault("OPTIONS", {})
    if config["ENGINE"] == "django.db.backends.postgresql":
        if DATABASE_POOL:
            # Django's native psycopg pool; persistent connections must stay off with it.
            config["OPTIONS"]["pool"] = {
                "min_size": env_int("DATABASE_POOL_MIN", 2, minimum=0),
                "max_size": env_int("DATABASE_POOL_MAX", 10, minimum=1),
                "timeout": env_int("DATABASE_POOL_TIMEOUT", 10, minimum=1),
            }
            config["CONN_MAX_AGE"] = 0
        else:
            config["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
        config["CONN_HEALTH_CHECKS"] = True
        config["OPTIONS"].setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5))
    else:
        config["OPTIONS"].setdefault("timeout", 20)
    return config


# Only the primary wraps requests in a transaction: a replica must not be connected to (and
# cannot take the API down) unless a request actually reads from it.
DATABASES = {"default": {**_tune(_default_db), "ATOMIC_REQUESTS": True}}
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URLS")):
    _replica = _tune(parse_db_url("DATABASE_REPLICA_URLS", _url))
    # In tests a replica reads the test copy of the primary instead of a database of its own.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica_{_index}"] = _replica
DATABASE_ROUTERS = ["interview_platform.db_router.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache ----------------------------------------------------------------------------------
# Redis: one server (REDIS_URL) or a primary behind Sentinel (settings/redis_conf.py).
REDIS = redis_target_from_env()
if REDIS:
    CACHES = caches_config(REDIS, key_prefix=env_str("CACHE_KEY_PREFIX", "ip"))
    # django-ratelimit warns about any backend it does not list; ours is django-redis's own
    # backend with a per-process fallback (interview_platform/cache.py).
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ratelimit",
        },
    }
    # Embedded mode is one process, so a process-local cache is shared by every request it serves.
    # django-ratelimit refuses it because it cannot be shared between processes; that is only a
    # problem in the production shape, which always has Redis (REDIS_URL or REDIS_SENTINELS).
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
RATELIMIT_USE_CACHE = "ratelimit"
# The ratelimit cache falls back to process memory by itself; were it ever to fail anyway, limits
# are not enforced rather than every request refused.
RATELIMIT_FAIL_OPEN = True
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
# The spec's limits (django-ratelimit syntax, per user or per IP as each endpoint says).
RATE_LIMITS = {
    "auth": env_str("RATE_LIMIT_AUTH", "5/m"),
    "analysis": env_str("RATE_LIMIT_ANALYSIS", "10/m"),
    "answers": env_str("RATE_LIMIT_ANSWERS", "2/m"),
    "questions": env_str("RATE_LIMIT_QUESTIONS", "30/m"),
    "export": env_str("RATE_LIMIT_EXPORT", "2/h"),
}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Auth -----------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "interview_platform.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ko", _("Korean"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(VAR_DIR / "media"))

AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
_default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if AWS_STORAGE_BUCKET_NAME:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": None,
            "querystring_auth": True,
            # Signature V4: buckets made since 2020 and most S3-compatible stores refuse V2, which
            # boto3 still signs with in older regions such as eu-west-1.
            "signature_version": "s3v4",
            "file_overwrite": False,
        },
    }
# Exports (and any private file): never under MEDIA_ROOT/MEDIA_URL. Served only through the
# signed download view; on S3 a private bucket (block public access) and presigned URLs.
PRIVATE_MEDIA_ROOT = env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private"))
AWS_PRIVATE_STORAGE_BUCKET_NAME = (
    env_str("AWS_PRIVATE_STORAGE_BUCKET_NAME") or AWS_STORAGE_BUCKET_NAME
)
_private_storage: dict = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}
if AWS_PRIVATE_STORAGE_BUCKET_NAME:
    _private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
            "location": "private",
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "signature_version": "s3v4",
            "file_overwrite": False,
        },
    }
STORAGES = {
    "default": _default_storage,
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Email ----------------------------------------------------------------------------------
_email_url = env_str("EMAIL_URL")
if _email_url:
    import environ

    vars().update(environ.Env.email_url_config(_email_url))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# SMTP's socket timeout (Django's default is none): e-mail is sent from the worker's threads,
# which cannot be interrupted, so a hung mail server must give up on its own.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Interview Practice <no-reply@localhost>")
# The product's name in allauth's e-mails (greeting, signature, subject); the default is translated.
SITE_NAME = env_str("SITE_NAME", "Interview Practice")
# Empty: reset links open this server's own reset page (/reset-password) on the host and port
# the request came to. Set, they open FRONTEND_URL + FRONTEND_RESET_PASSWORD_PATH instead.
FRONTEND_URL = env_str("FRONTEND_URL")

# --- Product limits (spec: SessionSecurity, DESIGN §7) -------------------------------------
SESSION_MAX_DURATION_SECONDS = env_int("SESSION_MAX_DURATION_SECONDS", 2 * 60 * 60, minimum=60)
SESSION_TIMEOUT_WARNING_SECONDS = env_int("SESSION_TIMEOUT_WARNING_SECONDS", 5 * 60, minimum=0)
SESSION_MAX_QUESTIONS = env_int("SESSION_MAX_QUESTIONS", 20, minimum=1)
SESSIONS_PER_DAY_FREE = env_int("SESSIONS_PER_DAY_FREE", 5, minimum=1)
SESSIONS_PER_DAY_PREMIUM = env_int("SESSIONS_PER_DAY_PREMIUM", 50, minimum=1)
ANSWER_MIN_LENGTH = 10
ANSWER_MAX_LENGTH = 5000
ANALYSIS_MAX_WAIT_SECONDS = 10
ANALYSIS_BATCH_MAX = 20
ANSWER_RETENTION_DAYS = env_int("ANSWER_RETENTION_DAYS", 0, minimum=0)

# Analytics and exports.
EXPORT_RETENTION_HOURS = env_int("EXPORT_RETENTION_HOURS", 24, minimum=1)
# A download link is a short-lived capability: it works without a bearer token, so keep it short.
EXPORT_LINK_MAX_AGE_SECONDS = env_int("EXPORT_LINK_MAX_AGE_SECONDS", 900, minimum=30)
# A .ttf with Hangul for PDF reports instead of the bundled NanumGothic (and its bold).
EXPORT_PDF_FONT = env_str("EXPORT_PDF_FONT", "")
EXPORT_PDF_FONT_BOLD = env_str("EXPORT_PDF_FONT_BOLD", "")
ANALYTICS_PLATFORM_CACHE_SECONDS = env_int("ANALYTICS_PLATFORM_CACHE_SECONDS", 60, minimum=0)
ANALYTICS_BENCHMARK_CACHE_SECONDS = env_int("ANALYTICS_BENCHMARK_CACHE_SECONDS", 300, minimum=0)
# A day's rollup is redone by the worker this long after a change (a session
# completed, a free-practice answer scored), once for all the changes of a user and day meanwhile.
ANALYTICS_REFRESH_DELAY_SECONDS = env_int("ANALYTICS_REFRESH_DELAY_SECONDS", 2, minimum=0)
