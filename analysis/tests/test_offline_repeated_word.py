"""A word leaned on too often is named as the answer says it, not by its stem."""

from __future__ import annotations

from analysis.ai.offline.length import analyze_length

ANSWER = (
    "Every release was manual. The release broke checkout twice. I automated the release "
    "steps. Now each release takes minutes and releases never break checkout."
)


def test_a_repeated_word_is_named_in_the_answers_own_form():
    signals = analyze_length(ANSWER, ANSWER.split(". "), "en")
    assert signals.repeated[0] == ("release", 5)


def test_a_repeated_korean_word_is_named_in_the_answers_own_form():
    answer = (
        "배포가 늦었습니다. 배포를 자동화했습니다. 배포는 이제 10분 걸립니다. 배포 실패도 없습니다."
    )
    signals = analyze_length(answer, answer.split(". "), "ko")
    assert signals.repeated[0] == ("배포", 4)


def test_the_units_of_a_schedule_are_no_word_leaned_on():
    answer = (
        "Day 0 is the welcome email. Day 3 shows one feature. Day 7 asks for a first budget. "
        "Day 10 shares a customer story. Day 14 offers a call."
    )
    signals = analyze_length(answer, answer.split(". "), "en")
    assert all(word.lower() != "day" for word, _ in signals.repeated)
