"""Key points said in everyday words: "listened" as "heard her out", "ownership" as "I personally
called", "segmentation" as cohorts, "세그먼트" as 코호트."""

from __future__ import annotations

import pytest

from analysis.ai.offline.keywords import TermIndex


@pytest.mark.parametrize(
    ("answer", "keyword"),
    [
        ("I heard her out before saying anything.", "listened"),
        ("I personally called the repair centre that afternoon.", "ownership"),
        ("I split the drop by signup cohort and platform.", "segmentation"),
        ("가입 코호트별로 나눠서 하락이 몰려 있는지 확인합니다.", "세그먼트"),
    ],
)
def test_a_key_point_said_in_everyday_words_is_covered(answer, keyword):
    index = TermIndex(answer)
    assert index.find_loose(keyword, [0] * len(index.tokens)) is not None
