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


def test_make_eval_reports_the_held_out_set_on_its_own():
    from io import StringIO

    from django.core.management import call_command

    from sessions_app.eval.harness import HELDOUT_FILE

    out = StringIO()
    call_command("evaluate_followups", "--check", stdout=out)
    tuning, held_out = out.getvalue().split("\n\n", 1)
    assert "tuning set" in tuning and tuning.rstrip().endswith("PASS")
    assert "held-out set, not tuned on" in held_out
    for language in ("ko", "en"):
        assert f"  {language}: " in held_out
    assert "(reported only: not gated, never tuned on)" in held_out
    # Its shares are its own: computed from its items, not mixed with the tuning set's.
    report = evaluate(load_items(HELDOUT_FILE))
    assert f"overall: {report.share():.0%}" in held_out


def test_the_held_out_set_shares_no_answer_with_the_tuning_set():
    from sessions_app.eval.harness import HELDOUT_FILE

    tuning, held_out = load_items(), load_items(HELDOUT_FILE)
    assert {i.language for i in held_out} == {"ko", "en"}
    assert len(held_out) >= 20
    assert not {i.id for i in tuning} & {i.id for i in held_out}
    assert not {i.answer for i in tuning} & {i.answer for i in held_out}
