"""The quality harness: how well a provider orders graded answers (good > ok > bad)."""
