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


def test_make_eval_reports_each_held_out_set_on_its_own():
    from io import StringIO

    from django.core.management import call_command

    from sessions_app.eval.harness import HELDOUT_SETS

    out = StringIO()
    call_command("evaluate_followups", "--check", stdout=out)
    tuning, *held_out = out.getvalue().split("\n\n")
    assert "tuning set" in tuning and tuning.rstrip().endswith("PASS")
    assert len(held_out) == len(HELDOUT_SETS) == 2
    for (title, path), text in zip(HELDOUT_SETS, held_out, strict=True):
        assert title in text
        assert "(reported only, not gated)" in text
        # Its shares are its own, per language, computed from its items only.
        report = evaluate(load_items(path))
        for language in ("ko", "en"):
            chosen = [o for o in report.outcomes if o.item.language == language]
            good = sum(o.good for o in chosen)
            assert f"  {language}: {good}/{len(chosen)} = " in text
        assert f"overall: {report.share():.0%}" in text
        # Misses of a held-out set are not printed unless asked for: reading them spends it.
        assert "miss " not in text


def test_held_out_misses_are_listed_only_when_asked_for():
    from io import StringIO

    from django.core.management import call_command

    from sessions_app.eval.harness import HELDOUT_V2_FILE

    out = StringIO()
    call_command(
        "evaluate_followups",
        "--held-out",
        str(HELDOUT_V2_FILE),
        "--show-held-out-misses",
        stdout=out,
    )
    report = evaluate(load_items(HELDOUT_V2_FILE))
    held_out = out.getvalue().split("\n\n")[1]
    assert held_out.count("  miss ") == sum(not o.good for o in report.outcomes)


def test_the_held_out_sets_share_no_answer_with_each_other_or_the_tuning_set():
    from sessions_app.eval.harness import HELDOUT_FILE, HELDOUT_V2_FILE

    tuning, first, second = (
        load_items(),
        load_items(HELDOUT_FILE),
        load_items(HELDOUT_V2_FILE),
    )
    assert {i.language for i in first} == {i.language for i in second} == {"ko", "en"}
    assert len(first) >= 20
    assert all(sum(i.language == lang for i in second) >= 25 for lang in ("ko", "en"))
    sets = (tuning, first, second)
    for a in range(3):
        for b in range(a + 1, 3):
            assert not {i.id for i in sets[a]} & {i.id for i in sets[b]}
            assert not {i.answer for i in sets[a]} & {i.answer for i in sets[b]}


def test_the_readme_states_the_figures_make_eval_measures():
    from pathlib import Path

    from django.conf import settings

    from sessions_app.eval.harness import HELDOUT_FILE, HELDOUT_V2_FILE

    readme = " ".join((Path(settings.BASE_DIR) / "README.md").read_text().split())
    for path in (HELDOUT_FILE, HELDOUT_V2_FILE):
        report = evaluate(load_items(path))
        for language in ("ko", "en"):
            chosen = [o for o in report.outcomes if o.item.language == language]
            good = sum(o.good for o in chosen)
            stated = f"{language} {report.share(language):.0%} ({good}/{len(chosen)})"
            assert stated in readme, stated
