import datetime as dt

from village_desk.core import diary, ledger, setup
from village_desk.core import households as hs
from village_desk.core import queries as q

TODAY = dt.date.today()


def visit(db, village, household, days_ago, author="grid", items=()):
    return diary.write_entry(
        db,
        None,
        diary.DiaryInput(
            date=TODAY - dt.timedelta(days=days_ago),
            mode="home_visit",
            author_id=village[author],
            household_ids=[household],
            narrative="走访",
            items=list(items),
        ),
    )


def second_household(db, village):
    return hs.create_household(
        db,
        None,
        hs.HouseholdInput(number="02-001", group_id=village["g2"], categories=["liushou_elder"]),
        hs.PersonInput(name="曾广福", phone="13700001234"),
    )


def test_household_filters(db, village):
    other = second_household(db, village)
    hs.pair_cadre(db, None, village["hh"], village["grid"])
    visit(db, village, village["hh"], 5)
    visit(db, village, other, 200)
    with db.reading() as s:

        def ids(**kw):
            return {r.id for r in q.household_page(s, q.HouseholdFilter(**kw))}

        assert ids() == {village["hh"], other}
        assert ids(group_id=village["g2"]) == {other}
        assert ids(category="dibao") == {village["hh"]}
        assert ids(cadre_id=village["grid"]) == {village["hh"]}
        assert ids(not_visited_days=90) == {other}
        assert ids(not_visited_days=3) == {village["hh"], other}
        assert q.household_count(s, q.HouseholdFilter(category="liushou_elder")) == 1
        rows = {r.number: r for r in q.household_page(s)}
    assert rows["01-001"].head_name == "张三丰" and rows["01-001"].cadres == ["李秀英"]
    assert rows["01-001"].last_visit == TODAY - dt.timedelta(days=5)
    assert rows["02-001"].phone == "13700001234"  # falls back to the head's phone


def test_overdue_filters_and_open_counts(db, village):
    late = ledger.register_matter(
        db,
        None,
        ledger.MatterInput(
            content="修水渠",
            responsible_id=village["secretary"],
            household_id=village["hh"],
            applicant_name="张三丰",
            received_date=TODAY - dt.timedelta(days=30),
            deadline=TODAY - dt.timedelta(days=2),
        ),
    )
    soon = ledger.register_matter(
        db,
        None,
        ledger.MatterInput(
            content="办低保",
            responsible_id=village["grid"],
            co_handler_ids=[village["secretary"]],
            household_id=village["hh"],
            applicant_name="张三丰",
            deadline=TODAY + dt.timedelta(days=2),
            kind="hardship",
        ),
    )
    with db.reading() as s:
        assert [m.id for m in q.matter_page(s, q.MatterFilter(overdue=True))] == [late]
        assert [m.id for m in q.matter_page(s, q.MatterFilter(due_within_days=3))] == [soon]
        assert (
            q.matter_count(s, q.MatterFilter(cadre_id=village["secretary"])) == 2
        )  # incl. co-handled
        assert q.matter_count(s, q.MatterFilter(cadre_id=village["grid"])) == 1
        assert q.matter_count(s, q.MatterFilter(kind="hardship")) == 1
        assert q.matter_count(s, q.MatterFilter(month=(TODAY.year, TODAY.month))) >= 1
        row = q.household_page(s, q.HouseholdFilter(has_overdue=True))[0]
        assert (row.open_matters, row.overdue_matters) == (2, 1)
        dash = q.dashboard(s)
    assert (dash.overdue, dash.due_soon, dash.open_matters) == (1, 1, 2)
    ledger.apply_action(db, None, late, "complete", text="修好了")
    with db.reading() as s:
        dash = q.dashboard(s)
    assert (dash.overdue, dash.awaiting_return_visit) == (0, 1)


def test_timeline_has_visits_and_matters_newest_first(db, village):
    visit(db, village, village["hh"], 10)
    visit(db, village, village["hh"], 1, items=[diary.RaisedItem("路灯坏了", "matter")])
    with db.reading() as s:
        events = q.household_timeline(s, village["hh"])
    # newest first; on the same day the matter (raised in that visit) sits above it
    assert [e.kind for e in events] == ["matter", "visit", "visit"]
    assert "路灯坏了" in events[0].detail and events[1].date == TODAY - dt.timedelta(days=1)


def test_visit_stats_count_visits_and_distinct_households(db, village):
    other = second_household(db, village)
    visit(db, village, village["hh"], 1)
    visit(db, village, village["hh"], 2)
    visit(db, village, other, 3)
    visit(db, village, other, 3, author="secretary")
    with db.reading() as s:
        stats = {c.name: c for c in q.visit_stats(s, TODAY - dt.timedelta(days=30), TODAY)}
    assert (stats["李秀英"].visits, stats["李秀英"].households) == (3, 2)
    assert (stats["王建国"].visits, stats["王建国"].quota, stats["王建国"].quota_unit) == (
        1,
        200,
        "visits",
    )
    assert stats["王建国"].completion == 1 / 200


def test_month_end_review(db, village):
    def mk():
        return ledger.register_matter(
            db,
            None,
            ledger.MatterInput(
                content="事项",
                responsible_id=village["grid"],
                applicant_name="张三丰",
                household_id=village["hh"],
            ),
        )

    closable, noted, silent, done = mk(), mk(), mk(), mk()
    for action, kw in [("complete", {"text": "好"}), ("feedback", {"satisfaction": "basic"})]:
        ledger.apply_action(db, None, closable, action, **kw)
    ledger.add_note(db, None, noted, "在办")
    ledger.apply_action(db, None, done, "complete", text="好")
    with db.reading() as s:
        review = q.month_end_review(s, TODAY.year, TODAY.month)
    assert [m.id for m in review.closable] == [closable]
    assert [m.id for m in review.awaiting_return_visit] == [done]
    assert [m.id for m in review.needs_progress_note] == [silent]
    assert (
        review.month_end.month == TODAY.month and (review.month_end + dt.timedelta(days=1)).day == 1
    )


def test_february_month_end_is_its_last_day():
    assert q.month_bounds(2028, 2)[1] == dt.date(2028, 2, 29)
    assert q.month_bounds(2027, 2)[1] == dt.date(2027, 2, 28)


def test_vocabulary_retire_keeps_old_records_readable(db, village):
    setup.retire_vocab_term(db, None, "household_category", "dibao")
    with db.reading() as s:
        assert "dibao" not in {t.code for t in setup.vocabulary(s, "household_category")}
        assert setup.labels(s, "household_category")["dibao"] == "低保户"
        assert q.household_count(s, q.HouseholdFilter(category="dibao")) == 1
