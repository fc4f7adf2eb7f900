"""The families of discourse markers one language has (markers.py, markers_ko.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MarkerSet:
    situation: re.Pattern[str]
    task: re.Pattern[str]
    action: re.Pattern[str]
    plan: re.Pattern[str]
    result: re.Pattern[str]
    reflection: re.Pattern[str]
    sequence: re.Pattern[str]
    causal: re.Pattern[str]
    contrast: re.Pattern[str]
    condition: re.Pattern[str]
    example: re.Pattern[str]
    claim: re.Pattern[str]
    opinion: re.Pattern[str]
    deflection: re.Pattern[str]
    vague: re.Pattern[str]
    personal: re.Pattern[str]
    academic: re.Pattern[str]
    me: re.Pattern[str]
    we: re.Pattern[str]
    leadership: re.Pattern[str]
    verification: re.Pattern[str]
