"""Freed large blocks go back to the operating system, in every process (web, workers).

glibc serves a request of 128 KiB or more with its own mmap, returned to the system when freed,
but after the first such block is freed it raises that threshold to the block's size (up to
32 MiB), so later blocks of that size come from the heap of the thread's arena and stay resident
after `free`. An Argon2id verification allocates its 19 MiB of memory cost that way: every
gunicorn thread that verified a password kept 19 MiB or more (8 threads x 5 logins at once kept
~150 MB in one process; with the threshold fixed, 1 MB). Setting the threshold explicitly turns
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
