"""One settings package, driven by the environment (see README: "Configuration")."""

from .ai import *  # noqa: F403
from .api import *  # noqa: F403
from .audit import *  # noqa: F403
from .base import *  # noqa: F403
from .encryption import *  # noqa: F403
from .jobs import *  # noqa: F403
from .logs import *  # noqa: F403
from .security import *  # noqa: F403
