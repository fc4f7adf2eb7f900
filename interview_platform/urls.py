from allauth.account.decorators import secure_admin_login
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from accounts import urls as accounts_urls
from analysis import urls as analysis_urls
from analytics import urls as analytics_urls
from interview_platform.metrics import metrics_view
from questions import urls as questions_urls
from sessions_app import urls as sessions_urls


def _docs_page(view):
    """The docs pages' policy: their bundles inject styles (see CSP_API_DOCS_UPDATE)."""
    return csp_update(settings.CSP_API_DOCS_UPDATE)(view)


# Each app's routes under its own prefix. Questions and sessions are mounted at the root of the
# API because their lists are /api/questions and /api/sessions, without a trailing slash.
api_patterns = [
    path("", include("interview_platform.api.urls")),  # health, ping
    path("auth/", include(accounts_urls.auth_urlpatterns)),
    path("users/", include(accounts_urls.users_urlpatterns)),
    path("", include(questions_urls.urlpatterns)),
    path("", include(sessions_urls.urlpatterns)),
    path("analysis/", include(sessions_urls.answer_urlpatterns)),  # the practice flow's answers
    path("analysis/", include(analysis_urls.urlpatterns)),
    path("analytics/", include(analytics_urls.urlpatterns)),
    path("admin/", include(questions_urls.admin_urlpatterns)),
    path("admin/", include(sessions_urls.admin_urlpatterns)),
    path("admin/", include(analytics_urls.admin_urlpatterns)),
    path("", include("jobprep.urls")),  # /api/jobs/...
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script.
    path(
        "docs",
        _docs_page(SpectacularSwaggerSplitView.as_view(url_name="schema")),
        name="swagger-ui",
    ),
    path("redoc", _docs_page(SpectacularRedocView.as_view(url_name="schema")), name="redoc"),
]

# Staff sign in through allauth's login, like everyone: password, second factor and the same
# rate limits. The admin's own login form only redirects there.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("Interview Practice administration")
admin.site.site_title = _("Interview Practice administration")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("api/", include(api_patterns)),
    path("metrics", metrics_view, name="metrics"),
    path("", include("web.urls")),
]

# The product's error pages (web/errors.py; with DEBUG on, its middleware stands in for these).
handler403 = "web.errors.permission_denied"
handler404 = "web.errors.page_not_found"
handler500 = "web.errors.server_error"

if not settings.AWS_STORAGE_BUCKET_NAME:
    urlpatterns.append(path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}))
