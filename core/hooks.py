"""Facts a lower app announces and a higher app acts on.

Imports run one way (README, "Dependencies"): `analysis` sits below `questions` and
`sessions_app`, and those below `analytics`. When a lower app finishes something a higher app
must follow up on (an analysis landed: the question's running score, the session's report and the
user's daily rollup change), it announces it here and the higher app, which registered its
receiver in its `AppConfig.ready()`, does the work. Receivers run synchronously, in the sender's
transaction, in registration order; an exception in one propagates to the sender as a direct
call would. Every receiver is listed in the README's architecture section.
"""

from __future__ import annotations

from collections.abc import Callable


class Hook:
    """One announcement and the receivers registered for it."""

    def __init__(self, name: str, *, arguments: tuple[str, ...]) -> None:
        self.name = name
        self.arguments = arguments
        self._receivers: list[Callable[..., None]] = []

    def connect(self, receiver: Callable[..., None]) -> Callable[..., None]:
        if receiver not in self._receivers:
            self._receivers.append(receiver)
        return receiver

    def disconnect(self, receiver: Callable[..., None]) -> None:
        if receiver in self._receivers:
            self._receivers.remove(receiver)

    @property
    def receivers(self) -> tuple[Callable[..., None], ...]:
        return tuple(self._receivers)

    def send(self, **kwargs) -> None:
        if set(kwargs) != set(self.arguments):
            raise TypeError(f"{self.name} takes {self.arguments}, got {tuple(kwargs)}")
        for receiver in list(self._receivers):
            receiver(**kwargs)


# An analysis reached a final state (completed, possibly preliminary, or failed); sent inside the
# transaction that wrote it, with the AnalysisResult.
analysis_landed = Hook("analysis_landed", arguments=("analysis",))

# A user's scored activity of `day` changed (a session completed, deleted or re-scored, a free
# practice answer scored); sent after commit. The analytics app re-rolls that day.
scores_changed = Hook("scores_changed", arguments=("user_id", "day"))

# A user is being erased (account deletion, or a staff delete in the admin); sent inside the
# deletion's transaction before the user row is deleted, with the User. Each app erases what of
# theirs a foreign-key cascade does not (files on commit, live state, names in logs).
user_erasing = Hook("user_erasing", arguments=("user",))

# The user row and everything that cascades with it are gone; sent in the same transaction, with
# the former id. Rows the cascade had to clear first (questions their analyses protected) go now.
user_erased = Hook("user_erased", arguments=("user_id",))
