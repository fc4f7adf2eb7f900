"""Saying whose the problem is and then acting on it is owning it, not a deflection."""

from __future__ import annotations

import pytest

from analysis.ai.offline.markers import EN
from analysis.ai.offline.markers_ko import KO


@pytest.mark.parametrize(
    ("markers", "sentence", "deflects"),
    [
        (EN, "it's their code, not mine, but i would not let it ship.", False),
        (EN, "it was his call, not mine, but we raised it with the release owner.", False),
        (EN, "it's their code, not mine.", True),
        (KO, "동료 코드이지 제 코드가 아니지만 그대로 배포되게 두지는 않겠습니다.", False),
        (KO, "동료 코드이지 제 코드가 아니어도 바로 알리겠습니다.", False),
        (KO, "동료 코드이지 제 코드가 아니니까 굳이 말하지 않겠습니다.", True),
    ],
)
def test_whose_problem_it_is_then_acting_on_it_is_no_deflection(markers, sentence, deflects):
    assert bool(markers.deflection.search(sentence)) is deflects
