"""`make bench`: the project's one benchmark runner (see bench/README.md)."""
