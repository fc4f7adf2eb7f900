"""gunicorn reads this file from the working directory on every start (web container, `make
bench`): command-line options still win over it."""

from interview_platform import gunicorn_errors

# The longest request line gunicorn accepts (its maximum); longer ones are answered 414, in the
# API's error envelope like every other error (interview_platform/gunicorn_errors.py).
limit_request_line = 8190

gunicorn_errors.install()

# JSON logs and Prometheus multiprocess clean-up (ops): gunicorn's own lines (start, worker boot,
# timeouts) are JSON on stdout like every other process; requests are logged once, by the
# application's access log (AccessLogMiddleware), so gunicorn's access log stays off. Each worker
# writes its Prometheus samples to PROMETHEUS_MULTIPROC_DIR; a dead worker's live gauges go.
import os  # noqa: E402

accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "interview_platform.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"level": "INFO", "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
    },
}


def post_worker_init(worker):
    # The application is loaded: what it holds is frozen out of the garbage collector's walks.
    from interview_platform.memory import web_worker_ready

    web_worker_ready()


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        from interview_platform.metrics import identifier_for

        multiprocess.mark_process_dead(identifier_for(worker.pid))
