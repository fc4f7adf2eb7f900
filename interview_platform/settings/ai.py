"""AI provider selection (DESIGN §6)."""

from __future__ import annotations

from .env import env_choice, env_float, env_int, env_str

AI_PROVIDER = env_choice("AI_PROVIDER", "auto", {"auto", "openai", "offline"})
OPENAI_API_KEY = env_str("OPENAI_API_KEY")
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL") or None
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o-2024-08-06")
OPENAI_TIMEOUT_SECONDS = env_float("OPENAI_TIMEOUT_SECONDS", 30.0)
OPENAI_MAX_RETRIES = env_int("OPENAI_MAX_RETRIES", 2, minimum=0)
