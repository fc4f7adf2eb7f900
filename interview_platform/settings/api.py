"""REST API: DRF, camelCase, OpenAPI, JWT, CORS, allauth."""

from __future__ import annotations

from datetime import timedelta

from .base import SECRET_KEY
from .env import env_int, env_list, env_str

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # simplejwt's, plus the logout denylist and stable error codes (token_expired, ...).
        "accounts.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "djangorestframework_camel_case.render.CamelCaseJSONRenderer",
        "djangorestframework_camel_case.render.CamelCaseBrowsableAPIRenderer",
    ],
    # JSON bodies only, as the schema documents them (a form body cannot say `false`, `null` or
    # a nested object, so it would be read as something else): the uploads (avatar, résumé)
    # take multipart on their own views. Any other body answers 415 in the envelope.
    "DEFAULT_PARSER_CLASSES": ["interview_platform.api.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "JSON_UNDERSCOREIZE": {"no_underscore_before_number": True},
    "DEFAULT_PAGINATION_CLASS": "interview_platform.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "interview_platform.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "interview_platform.api.exception_handler.api_exception_handler",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Interview Practice API",
    "DESCRIPTION": (
        "Practise job interviews in Korean and English and get scored coaching on every answer. "
        "Every error has the envelope `{success: false, error: {type, message, code, details}, "
        "requestId, timestamp}`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "CAMELIZE_NAMES": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
        "interview_platform.openapi.document_errors",
    ],
    "ENUM_NAME_OVERRIDES": {
        "JobCategoryEnum": "core.choices.JobCategory",
        "DifficultyEnum": "core.choices.Difficulty",
        "QuestionTypeEnum": "core.choices.QuestionType",
        "LanguageEnum": "core.choices.Language",
        "QuestionSourceEnum": "core.choices.QuestionSource",
        # Analyses and export jobs share these values, so one neutral name serves both.
        "JobStatusEnum": "analysis.models.AnalysisStatus",
        "SessionStatusEnum": "sessions_app.models.SessionStatus",
        "QuestionKindEnum": "sessions_app.models.QuestionKind",
        "RequirementKindEnum": "jobprep.models.RequirementKind",
    },
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 15, minimum=1)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("JWT_REFRESH_DAYS", 14, minimum=1)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": env_str("JWT_SECRET") or SECRET_KEY,
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "AUTH_HEADER_TYPES": ("Bearer",),
}
# Login needs a second factor: the short-lived token that `POST /api/auth/mfa/verify` takes.
MFA_LOGIN_TOKEN_LIFETIME = timedelta(minutes=env_int("MFA_LOGIN_TOKEN_MINUTES", 5, minimum=1))

CORS_ALLOWED_ORIGINS = env_list("CORS_ORIGINS", [])
CORS_EXPOSE_HEADERS = ["X-Request-ID", "Retry-After", "Location"]
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "x-request-id",
    "x-session-source",
    "x-csrftoken",
)

# --- allauth: accounts, social login, MFA ----------------------------------------------------
# Environment (all optional; OAuth providers are offered only when their client id is set):
#   GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET      Google OAuth client (Google Identity Services)
#   GOOGLE_CERTS_URL, GOOGLE_TOKEN_URL, GOOGLE_USERINFO_URL, GOOGLE_ID_TOKEN_ISSUER
#                                               Google endpoints (defaults: Google's own)
#   LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET  LinkedIn's "Sign In with ... OpenID Connect" app
#   LINKEDIN_SERVER_URL                         OIDC issuer (https://www.linkedin.com/oauth)
#   MFA_TOTP_ISSUER                             name shown in authenticator apps
#   MFA_ENCRYPTION_KEY                          Fernet key(s), comma-separated, for TOTP secrets
#                                               (default: derived from SECRET_KEY)
#   PASSWORD_RESET_TIMEOUT_SECONDS              reset link lifetime (default 3600)
#   FRONTEND_RESET_PASSWORD_PATH                path of the reset page on FRONTEND_URL (when set)
#   RATE_LIMIT_AUTH                             auth endpoints, per IP and per account (5/m)
#   REAUTHENTICATION_SECONDS                    how long a re-authentication counts (300)
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# The web sign-up also asks for a name and records the page's language (web/forms.py).
ACCOUNT_SIGNUP_FORM_CLASS = "web.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = env_int("SOCIALACCOUNT_REQUESTS_TIMEOUT", 5, minimum=1)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_FORMS = {
    "authenticate": "accounts.forms.MfaAuthenticateForm",
    "reauthenticate": "accounts.forms.MfaReauthenticateForm",
    "activate_totp": "accounts.forms.MfaActivateTotpForm",
}
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Interview Practice")
MFA_ENCRYPTION_KEY = env_str("MFA_ENCRYPTION_KEY")
# A TOTP secret handed out by `mfa/totp/setup` waits this long for its confirming code.
MFA_SETUP_TIMEOUT_SECONDS = env_int("MFA_SETUP_TIMEOUT_SECONDS", 600, minimum=60)

# Seeing recovery codes, changing the password or email: a password or code proved this recently.
REAUTHENTICATION_TIMEOUT = env_int("REAUTHENTICATION_SECONDS", 300, minimum=30)
ACCOUNT_REAUTHENTICATION_TIMEOUT = REAUTHENTICATION_TIMEOUT
ACCOUNT_REAUTHENTICATION_REQUIRED = True

PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT_SECONDS", 3600, minimum=60)
FRONTEND_RESET_PASSWORD_PATH = env_str("FRONTEND_RESET_PASSWORD_PATH", "/reset-password")

# Avatars: accepted upload size, the decoded size refused as a decompression bomb, stored size.
AVATAR_MAX_BYTES = 2 * 1024 * 1024
AVATAR_MAX_PIXELS = env_int("AVATAR_MAX_PIXELS", 40_000_000, minimum=1)
AVATAR_SIZE = env_int("AVATAR_SIZE", 512, minimum=32)

GOOGLE_CLIENT_ID = env_str("GOOGLE_CLIENT_ID")
LINKEDIN_CLIENT_ID = env_str("LINKEDIN_CLIENT_ID")
SOCIALACCOUNT_PROVIDERS = {
    "google": {
        "APPS": (
            [
                {
                    "client_id": GOOGLE_CLIENT_ID,
                    "secret": env_str("GOOGLE_CLIENT_SECRET"),
                    "key": "",
                }
            ]
            if GOOGLE_CLIENT_ID
            else []
        ),
        "SCOPE": ["profile", "email"],
        "OAUTH_PKCE_ENABLED": True,
        # allauth reads these once, when its Google module is imported.
        "CERTS_URL": env_str("GOOGLE_CERTS_URL", "https://www.googleapis.com/oauth2/v1/certs"),
        "ACCESS_TOKEN_URL": env_str("GOOGLE_TOKEN_URL", "https://oauth2.googleapis.com/token"),
        "IDENTITY_URL": env_str(
            "GOOGLE_USERINFO_URL", "https://www.googleapis.com/oauth2/v2/userinfo"
        ),
        "ID_TOKEN_ISSUER": env_str("GOOGLE_ID_TOKEN_ISSUER", "https://accounts.google.com"),
    },
    "openid_connect": {
        "APPS": (
            [
                {
                    "provider_id": "linkedin",
                    "name": "LinkedIn",
                    "client_id": LINKEDIN_CLIENT_ID,
                    "secret": env_str("LINKEDIN_CLIENT_SECRET"),
                    "settings": {
                        "server_url": env_str(
                            "LINKEDIN_SERVER_URL", "https://www.linkedin.com/oauth"
                        ),
                        # LinkedIn's token endpoint takes the client secret in the body.
                        "token_auth_method": "client_secret_post",
                    },
                }
            ]
            if LINKEDIN_CLIENT_ID
            else []
        ),
    },
}
