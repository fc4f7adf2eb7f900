"""Argon2id at OWASP's minimum (m=19 MiB, t=2, p=1).

Django's default Argon2 parameters (and PBKDF2's iteration count) cost more than the 200 ms login
budget on this hardware; OWASP's floor keeps a safe hash well inside it.

Measured and not adopted (2026-12-07): OWASP's equal-defence m=7 MiB t=5 costs 30% less CPU here
(15.5-16.9 ms a verification against 21.8-25.8). Moving to it re-hashes every password at its
owner's next sign-in. That no longer ends the user's other sign-ins (the token fingerprint and the
session hash follow the password's salt, which a re-hash keeps: accounts/password_salt.py), but
until every password is re-hashed an unknown e-mail (hashed at the new cost) and a wrong password
for an old hash would answer in measurably different times.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    algorithm = "argon2"
    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
