"""Freed large blocks go back to the operating system, in every process (web, workers); what a
process loaded to start is kept out of the cyclic garbage collector's walks.

glibc serves a request of 128 KiB or more with its own mmap, returned to the system when freed,
but after the first such block is freed it raises that threshold to the block's size (up to
32 MiB), so later blocks of that size come from the heap of the thread's arena and stay resident
after `free`. An Argon2id verification allocates its memory cost that way (19 MiB when this was
measured, 7 MiB since: interview_platform/hashers.py): every gunicorn thread that verified a
password kept 19 MiB or more (8 threads x 5 logins at once kept ~150 MB in one process; with
the threshold fixed, 1 MB). Setting the threshold explicitly turns
the adjustment off. Other C libraries (musl) return such blocks already: nothing to do there.

The price of giving the block back is faulting it in again: 4,865 page faults of 4 KiB for each
verification, which took one from 20 to 30 ms of CPU (+50% on every login). `GLIBC_TUNABLES`
below makes glibc ask for transparent huge pages on the blocks it maps (`madvise`, where the
kernel's THP setting is `madvise` or `always`): ~270 faults, 20 ms again, and the block is still
unmapped when freed. A tunable is read when the process starts, so it is set where the
project's processes are started (the image's `ENV`, the Makefile, `make bench`'s servers; a bare
`manage.py` or CI's schemathesis server only verify slower without it); glibc ignores a misspelt
one, which the tests would catch.
"""

from __future__ import annotations

import ctypes
import gc

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
MMAP_THRESHOLD_BYTES = 128 * 1024  # glibc's default, kept fixed
GLIBC_TUNABLES = "glibc.malloc.hugetlb=1"


def return_large_blocks() -> bool:
    """Fixes glibc's mmap threshold at its default; False where there is no glibc."""
    try:
        # The interpreter's own symbols: its C library's among them (no library search).
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))


def give_back_free_memory() -> bool:
    """Collects unreachable objects and hands glibc's free heap pages back to the system
    (`malloc_trim`), after a task that built something large in a long-lived process; False
    where there is no glibc."""
    gc.collect()
    try:
        malloc_trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    return bool(malloc_trim(0))


def freeze_startup_heap() -> int:
    """Moves every object the process holds once it has started (modules, settings, the URL
    patterns, the scorer's indexes) out of the cyclic garbage collector's sight (`gc.freeze`), and
    returns how many there are.

    Each request leaves some hundred objects in reference cycles (DRF's serializer fields and
    their parents); collecting them now and then is cheap, but every few seconds under load the
    oldest generation's turn came and the collector walked the whole started process as well:
    50-100 ms with every thread of the process stopped, which put several requests at once at
    the tail (`make bench`, session start at concurrency 8: p95 148-228 ms in five runs before,
    107-144 in five after; the time the collector takes, logged from `gc.callbacks`). Frozen
    objects are never freed, which costs nothing for what lives as long as the process anyway."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def web_worker_ready() -> int:
    """A web worker's last step before it serves: the URL patterns, otherwise imported by the
    first request, are loaded, and the started process is frozen (`freeze_startup_heap`)."""
    from django.urls import get_resolver

    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports every app's urls and views
    resolver.reverse_dict  # noqa: B018 - built by the first reverse() otherwise
    return freeze_startup_heap()
