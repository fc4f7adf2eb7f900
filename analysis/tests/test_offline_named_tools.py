"""What the feedback calls "the tools and methods you used": not a department ("the VP of
Marketing", "IT"), a kind of software ("SaaS", "ERP" sold or replaced), a platform or a layer
of a system ("OS", "API", "DB", "UI") or a conformance level ("WCAG 2.1 AA"); a product of two
words in a Korean answer is one name ("Spring Boot")."""

from __future__ import annotations

import pytest

from analysis.ai.offline.specificity import find_names


@pytest.mark.parametrize(
    ("text", "not_named"),
    [
        ("Our VP of Marketing wanted a 25% lift for the board.", "Marketing"),
        ("I asked IT to reset the shared drive permissions.", "IT"),
        ("We sell a SaaS product to mid-size hospitals.", "SaaS"),
        ("The API timed out and the DB hit its connection limit.", "API"),
        ("The API timed out and the DB hit its connection limit.", "DB"),
        ("I split the drop by OS and app version.", "OS"),
        ("The UI hid the error.", "UI"),
        ("I'd start from WCAG 2.1 AA for every field.", "AA"),
        ("고객사는 경쟁사 ERP를 쓰고 있었고, 저희는 SaaS 제품을 팔았습니다.", "SaaS"),
        ("OS별로 나눠 보니 안드로이드에서만 떨어졌습니다.", "OS"),
    ],
)
def test_what_names_no_tool_is_not_called_one(text, not_named):
    language = "ko" if any("\uac00" <= c <= "\ud7a3" for c in text) else "en"
    assert not_named not in find_names(text, language)


@pytest.mark.parametrize(
    ("text", "language", "named"),
    [
        ("Spring Boot로 주문 서버를 만들었습니다.", "ko", "Spring Boot"),
        ("Google Analytics에서 퍼널을 봤습니다.", "ko", "Google Analytics"),
        ("I'd start from WCAG 2.1 AA for every field.", "en", "WCAG"),
        ("I ran axe in CI and tested with VoiceOver and NVDA.", "en", "NVDA"),
        ("We used Salesforce and a REST API from the vendor.", "en", "Salesforce"),
    ],
)
def test_tools_are_still_named(text, language, named):
    assert named in find_names(text, language)
