"""Writes of the analysis app, one module per job:

- `submit`: store a pending analysis of an answer (or reuse identical stored scores), queue it.
- `run`: the task's job: claim, call the provider, write the outcome.
- `fallback`: offline preliminary feedback when the provider fails, or `failed` with a reason.
- `outcome`: the claim, and the claim-guarded writers every path completes through.
- `rerun`: queue a preliminary or failed analysis again.
- `feedback`: detailed feedback on demand, one paid call at a time per analysis.
- `polling`: wait for an analysis to land (`?wait=`).
- `retention`: stale-work sweep and the answer retention purge.

Nothing is re-exported here: `tasks` imports `run`/`retention`, and `submit`/`rerun` import
`tasks` to queue work, so a package-level import of everything would run in a circle.
"""
