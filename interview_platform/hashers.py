"""Argon2id at OWASP's minimum, in the form that costs least here: m=7 MiB, t=5, p=1.

OWASP gives five configurations as the same minimum defence, trading memory for passes (m=47 MiB
t=1, 19 MiB t=2, 12 MiB t=3, 9 MiB t=4, 7 MiB t=5). Django's default Argon2 parameters (and
PBKDF2's iteration count) cost more than the 200 ms login budget on this hardware.

Measured (2026-12-08, this machine, 2 cores): one verification alone 16.2 ms of CPU at m=7 MiB
t=5 against 19.6 at m=19 MiB t=2; inside the web server, where two verifications and the
requests around them share the processor's cache, login at concurrency 1 p50 26-27 ms against
34-35, and at concurrency 8 p95 174-175 ms against 210-225 (`make bench --only login`, 70-72
logins a second against 49-51). The blocks also take 7 MiB instead of 19 per verification in
flight.

A password stored at the earlier cost (m=19 MiB t=2) is re-hashed at its owner's next sign-in,
with its salt, so the user's other sign-ins keep working (accounts/password_salt.py). Until then
a wrong password for that account costs ~4 ms more than one for an unknown address (hashed at
the new cost): it tells that the address has an account, which registration tells anyone
already (409 `email_taken`); Django makes the same choice when the hasher changes
(`django.contrib.auth.hashers.verify_password`).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    algorithm = "argon2"
    time_cost = 5
    memory_cost = 7 * 1024
    parallelism = 1
