"""Every module in this package registers its scenarios, seeders and in-process benchmarks on
import; `load_all()` imports them all, so a capability adds a file here and nothing else."""

from __future__ import annotations

import importlib
import pkgutil


def load_all() -> None:
    names = [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    # The baseline first, so listings and runs start with it; then alphabetical.
    for name in sorted(names, key=lambda n: (n != "baseline", n)):
        importlib.import_module(f"{__name__}.{name}")
