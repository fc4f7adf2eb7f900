# One image, built once, run as web (gunicorn), worker and beat (docker/start-*) and as the
# one-shot migrate job (docker/migrate). Every dependency is a wheel or pure Python: no compiler,
# no apt packages in either stage.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.txt /tmp/requirements.txt
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --prefer-binary -r /tmp/requirements.txt

FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=interview_platform.settings \
    DJANGO_ENV=production \
    MEDIA_ROOT=/app/var/media \
    PROMETHEUS_MULTIPROC_DIR=/app/var/metrics \
    GLIBC_TUNABLES=glibc.malloc.hugetlb=1
# GLIBC_TUNABLES: huge pages for the blocks glibc maps, so an Argon2id verification's 19 MiB,
# given back after each login, costs ~270 page faults instead of ~4,900
# (interview_platform/memory.py).
# A fixed uid/gid so volumes and the host agree on the owner.
RUN groupadd --system --gid 999 app \
    && useradd --system --uid 999 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# The code stays owned by root: the runtime user can read it, not rewrite it.
COPY . /app
# Static files and byte code are made here, since the runtime user cannot write under /app.
# Only var/media (avatars), var/private (exports) and var/metrics (Prometheus samples) are
# the app user's;
# a new named volume mounted on one of them starts with this ownership.
RUN chmod 0755 docker/start-* docker/migrate docker/healthcheck \
    && DJANGO_SECRET_KEY=build-only \
       FIELD_ENCRYPTION_KEYS=$(python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())") \
       python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q -j 0 /app /opt/venv/lib \
    && mkdir -p /app/var/media/avatars /app/var/private /app/var/metrics \
    && chown -R app:app /app/var/media /app/var/private /app/var/metrics
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["docker/healthcheck"]
CMD ["docker/start-web"]
