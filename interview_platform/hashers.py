"""Argon2id at OWASP's minimum (m=19 MiB, t=2, p=1).

Django's default Argon2 parameters (and PBKDF2's iteration count) cost more than the 200 ms login
budget on this hardware; OWASP's floor keeps a safe hash well inside it.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    algorithm = "argon2"
    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
