"""Text handling under the offline provider: Korean particles and endings, English stems,
sentence splitting, language detection, particle agreement."""

import pytest

from analysis.ai.offline.keywords import TermIndex, question_terms
from analysis.ai.offline.text import (
    detect_language,
    en_stem,
    josa,
    ko_noun,
    ko_stem,
    normalize,
    split_sentences,
)


@pytest.mark.parametrize(
    "word", ["협업", "협업을", "협업했고", "협업하면서", "협업이", "협업으로", "협업했습니다"]
)
def test_it_finds_a_korean_keyword_through_particles_and_endings(word):
    index = TermIndex(f"저는 팀원들과 {word} 좋은 결과를 냈습니다.")
    match = index.find("협업")
    assert match is not None
    assert match.surface == word


def test_it_finds_a_spaced_korean_keyword_written_without_the_space():
    index = TermIndex("코드리뷰를 통해 단위 테스트를 추가했습니다.")
    assert index.find("코드 리뷰").surface == "코드리뷰를"
    assert index.find("단위 테스트").surface == "단위 테스트를"


def test_it_does_not_match_a_korean_keyword_inside_an_unrelated_word():
    assert TermIndex("회사의 문제가 많았습니다.").find("제가") is None


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("원인을", "원인"),
        ("개선하시겠습니까", "개선"),
        ("해결하셨는지", "해결"),
        ("권한을", "권한"),
        ("회의", "회의"),
        ("느려졌습니다", None),
        ("크게", None),
        # Verbs addressed to the listener, with the honorific 시.
        ("있으신가요", None),
        ("해보신", None),
        ("관리하시는지", "관리"),
        ("참여하셨던", "참여"),
        # A bound noun or a one-syllable verb stem with its ending; nouns that look alike stay.
        ("중인", None),
        ("것을", None),
        ("같은", None),
        ("원하는", None),
        ("같다는", None),
        ("평가받는", "평가"),
        # A verb, its ending and a particle: the noun it is built on.
        ("도입하거나", "도입"),
        ("진행하면서도", "진행"),
        ("지하철을", "지하철"),
        ("권한", "권한"),
        ("상가", "상가"),
        ("팀을", "팀을"),
    ],
)
def test_it_extracts_the_noun_a_korean_word_is_built_on(word, noun):
    assert ko_noun(word) == noun


def test_korean_stems_keep_two_syllables_at_least():
    assert ko_stem("협업했고") == "협업"
    assert ko_stem("팀을") == "팀을"  # one syllable is too ambiguous to strip to


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("analyzed", "analyzing"),
        ("prioritize", "prioritization"),
        ("tests", "testing"),
        ("rates", "rate"),
        ("communicate", "communication"),
    ],
)
def test_english_inflections_share_a_stem(a, b):
    assert en_stem(a) == en_stem(b)


def test_english_multiword_terms_match_inflected_and_hyphenated_forms():
    index = TermIndex("We ran an A/B test; first-contact resolution and conversion rates rose.")
    assert index.find("a/b test") is not None
    assert index.find("first-contact resolution") is not None
    assert index.find("conversion rate").surface == "conversion rates"


def test_sentences_split_on_ends_but_not_inside_abbreviations_or_decimals():
    text = "It failed at 9 p.m. and again at 11. Latency was 1.8s! 그 결과 50% 줄였습니다. 끝입니다"
    assert split_sentences(text) == [
        "It failed at 9 p.m. and again at 11.",
        "Latency was 1.8s!",
        "그 결과 50% 줄였습니다.",
        "끝입니다",
    ]


def test_normalize_drops_control_characters_and_keeps_paragraphs():
    assert normalize("a\u200bb\x07  c\r\n\r\nd") == "ab c\n\nd"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("저는 API 응답 시간을 줄였습니다.", "ko"),
        ("I cut API latency by 40%.", "en"),
        ("Redis와 Postgres로 캐시를 구성했습니다.", "ko"),
    ],
)
def test_it_detects_the_language_of_an_answer(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("word", "expected"),
    [("협업", "협업을"), ("리뷰", "리뷰를"), ("API", "API를"), ("CRM", "CRM을")],
)
def test_particles_agree_with_the_last_syllable(word, expected):
    assert josa(word, "을", "를") == expected


def test_question_terms_name_the_topic_not_the_phrasing():
    assert question_terms(
        "Tell me about a time you had to debug a difficult production issue."
    ) == [
        "debug",
        "difficult",
        "production",
        "issue",
    ]
    terms = question_terms(
        "핵심 포지션 채용이 3개월째 진행되지 않고 있습니다. 어떻게 하시겠습니까?"
    )
    assert "채용" in terms
    assert "개월째" not in terms
