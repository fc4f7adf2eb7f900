"""`make eval`'s follow-up quality: the hand-written set meets its target, and a miss counts."""

from sessions_app.eval.harness import TARGET_SHARE, Item, evaluate, format_report, load_items


def test_the_labelled_set_meets_the_target_in_both_languages():
    items = load_items()
    assert {i.language for i in items} == {"ko", "en"}
    assert sum(i.language == "ko" for i in items) >= 15
    report = evaluate(items)
    assert report.share("ko") >= TARGET_SHARE, format_report(report)
    assert report.share("en") >= TARGET_SHARE, format_report(report)


def test_a_follow_up_on_something_the_answer_had_is_a_miss():
    answer = (
        "Sign-ups were flat, so I redesigned the landing page copy and shortened the form. "
        "Sign-ups grew 40% that quarter."
    )
    # Labelled as lacking only a lesson: the rules probe the unmeasured 40% first.
    item = Item(id="x", language="en", question="Q?", answer=answer, lacks=frozenset({"lesson"}))
    report = evaluate([item])
    assert report.outcomes[0].draft.target == "method"
    assert report.share("en") == 0
    assert "miss x: asked method" in format_report(report)
