"""Follow-up questions (꼬리질문): after an answer is analysed, the next question may probe what
that answer said or lacked.

- `signals`: what an answer's text shows (claims, figures, results, lessons, choices, trade-offs).
- `rules`: the deterministic offline follow-up over those signals and the stored scores.
- `writer`: the configured provider (OpenAI with the rules as fallback, or the rules).
- `services`: serving a due follow-up as a session question linked to its parent.
"""
