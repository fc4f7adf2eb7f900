"""What a session was practised for, from the apps that know it.

Analysis sits below the apps that plan sessions (jobprep), so it cannot ask them directly: an
app that has requirements for a session registers a reader here when it loads (its AppConfig),
and the analysis context asks every reader. No model is imported here, so an AppConfig can
import this module while the app registry is still loading."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from .ai.types import JobRequirement

RequirementReader = Callable[[UUID], list[JobRequirement]]
_readers: list[RequirementReader] = []


def requirement_reader_register(reader: RequirementReader) -> None:
    if reader not in _readers:
        _readers.append(reader)


def session_requirements(session_id: UUID | None) -> tuple[JobRequirement, ...]:
    """The confirmed requirements the session was played against (empty for most sessions)."""
    if session_id is None:
        return ()
    found: list[JobRequirement] = []
    for reader in _readers:
        found.extend(reader(session_id))
    return tuple(found)
