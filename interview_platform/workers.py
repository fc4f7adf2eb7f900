"""Start a Celery worker role from settings: `python -m interview_platform.workers jobs`.

The roles (queues, pool, concurrency) live in `CELERY_WORKER_ROLES`
(settings/jobs.py), so compose, `make worker` and the worker tests run the same command line.
Extra arguments are passed on to `celery worker` (e.g. `--loglevel WARNING`, or `--queues
exports` for a worker of one kind of work: the last `--queues` wins).
"""

from __future__ import annotations

import os
import sys


def worker_command(role: str, *, executable: str | None = None) -> list[str]:
    """The `celery worker` argv for `role`."""
    from django.conf import settings

    roles = settings.CELERY_WORKER_ROLES
    if role not in roles:
        raise SystemExit(f"unknown worker role {role!r}; one of: {', '.join(sorted(roles))}")
    spec = roles[role]
    argv = [
        executable or sys.executable,
        "-m",
        "celery",
        "-A",
        "interview_platform",
        "worker",
        "--queues",
        ",".join(spec["queues"]),
        "--pool",
        spec["pool"],
        "--concurrency",
        str(spec["concurrency"]),
        "--hostname",
        f"{role}@%h",
    ]
    return argv


def main(args: list[str]) -> None:
    if not args:
        raise SystemExit(__doc__)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interview_platform.settings")
    argv = worker_command(args[0])
    os.execv(argv[0], [*argv, *args[1:]])  # noqa: S606 - our interpreter, our arguments


if __name__ == "__main__":
    main(sys.argv[1:])
