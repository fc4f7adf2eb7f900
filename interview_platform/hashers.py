"""Argon2id at OWASP's minimum, in the configuration of it that costs least CPU here.

OWASP's Password Storage Cheat Sheet gives five Argon2id configurations that "provide an equal
level of defense, and the only difference is a trade off between CPU and RAM usage": m=46 MiB
t=1, m=19 MiB t=2, m=12 MiB t=3, m=9 MiB t=4 and m=7 MiB t=5 (p=1). Measured in a process of the
project on the 2-core machine (2026-12-07 00:00 UTC, three rounds): one verification 15.5-16.9 ms
of CPU at m=7 MiB t=5 against 21.8-25.8 ms at m=19 MiB t=2, and 86-108 against 65-74
verifications a second with 8 at once. It also holds 7 MiB per verification in flight instead of
19. Django's defaults (and PBKDF2's iteration count) cost more than the 200 ms login budget here.

A password hashed with other parameters (the m=19 MiB t=2 of earlier releases) is re-hashed with
these when its owner next signs in (Django's `must_update`).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    algorithm = "argon2"
    time_cost = 5
    memory_cost = 7 * 1024
    parallelism = 1
