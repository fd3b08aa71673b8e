import datetime as dt

from village_desk.core import queries, services
from village_desk.core.domain import periods

TODAY = dt.date.today()


def visit(db, village, household, days_ago, author="grid", items=()):
    return services.diary.write_entry(
        db,
        None,
        services.diary.DiaryInput(
            date=TODAY - dt.timedelta(days=days_ago),
            mode="home_visit",
            author_id=village[author],
            household_ids=[household],
            narrative="走访",
            items=list(items),
        ),
    )


def second_household(db, village):
    return services.households.create_household(
        db,
        None,
        services.households.HouseholdInput(
            number="02-001", group_id=village["g2"], categories=["liushou_elder"]
        ),
        services.households.PersonInput(name="曾广福", phone="13700001234"),
    )


def test_household_filters(db, village):
    other = second_household(db, village)
    services.households.pair_cadre(db, None, village["hh"], village["grid"])
    visit(db, village, village["hh"], 5)
    visit(db, village, other, 200)
    with db.reading() as s:

        def ids(**kw):
            return {
                r.id
                for r in queries.households.household_page(
                    s, queries.households.HouseholdFilter(**kw)
                )
            }

        assert ids() == {village["hh"], other}
        assert ids(group_id=village["g2"]) == {other}
        assert ids(category="dibao") == {village["hh"]}
        assert ids(cadre_id=village["grid"]) == {village["hh"]}
        assert ids(not_visited_days=90) == {other}
        assert ids(not_visited_days=3) == {village["hh"], other}
        assert (
            queries.households.household_count(
                s, queries.households.HouseholdFilter(category="liushou_elder")
            )
            == 1
        )
        rows = {r.number: r for r in queries.households.household_page(s)}
    assert rows["01-001"].head_name == "张三丰" and rows["01-001"].cadres == ["李秀英"]
    assert rows["01-001"].last_visit == TODAY - dt.timedelta(days=5)
    assert rows["02-001"].phone == "13700001234"  # falls back to the head's phone


def test_overdue_filters_and_open_counts(db, village):
    late = services.ledger.register_matter(
        db,
        None,
        services.ledger.MatterInput(
            content="修水渠",
            responsible_id=village["secretary"],
            household_id=village["hh"],
            applicant_name="张三丰",
            received_date=TODAY - dt.timedelta(days=30),
            deadline=TODAY - dt.timedelta(days=2),
            kind="proposal",
        ),
    )
    soon = services.ledger.register_matter(
        db,
        None,
        services.ledger.MatterInput(
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
        assert [
            m.id for m in queries.matters.matter_page(s, queries.matters.MatterFilter(overdue=True))
        ] == [late]
        assert [
            m.id
            for m in queries.matters.matter_page(s, queries.matters.MatterFilter(due_within_days=3))
        ] == [soon]
        assert (
            queries.matters.matter_count(
                s, queries.matters.MatterFilter(cadre_id=village["secretary"])
            )
            == 2
        )  # incl. co-handled
        assert (
            queries.matters.matter_count(s, queries.matters.MatterFilter(cadre_id=village["grid"]))
            == 1
        )
        assert queries.matters.matter_count(s, queries.matters.MatterFilter(kind="hardship")) == 1
        assert (
            queries.matters.matter_count(
                s, queries.matters.MatterFilter(month=(TODAY.year, TODAY.month))
            )
            >= 1
        )
        row = queries.households.household_page(
            s, queries.households.HouseholdFilter(has_overdue=True)
        )[0]
        assert (row.open_matters, row.overdue_matters) == (2, 1)
        dash = queries.stats.dashboard(s)
    assert (dash.overdue, dash.due_soon, dash.open_matters) == (1, 1, 2)
    services.ledger.apply_action(db, None, late, "complete", text="修好了")
    with db.reading() as s:
        dash = queries.stats.dashboard(s)
    assert (dash.overdue, dash.awaiting_return_visit) == (0, 1)


def test_timeline_has_visits_and_matters_newest_first(db, village):
    visit(db, village, village["hh"], 10)
    visit(
        db,
        village,
        village["hh"],
        1,
        items=[services.diary.RaisedItem("路灯坏了", "matter", kind="proposal")],
    )
    with db.reading() as s:
        events = queries.households.household_timeline(s, village["hh"])
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
        stats = {
            c.name: c for c in queries.stats.visit_stats(s, TODAY - dt.timedelta(days=30), TODAY)
        }
    assert (stats["李秀英"].visits, stats["李秀英"].households) == (3, 2)
    assert (stats["王建国"].visits, stats["王建国"].quota, stats["王建国"].quota_unit) == (
        1,
        200,
        "visits",
    )
    assert stats["王建国"].completion == 1 / 200


def test_month_end_review(db, village):
    def mk():
        return services.ledger.register_matter(
            db,
            None,
            services.ledger.MatterInput(
                content="事项",
                responsible_id=village["grid"],
                applicant_name="张三丰",
                household_id=village["hh"],
                kind="hardship",
            ),
        )

    closable, noted, silent, done = mk(), mk(), mk(), mk()
    for action, kw in [
        ("complete", {"text": "好"}),
        ("feedback", {"satisfaction": "basic", "mode": "visit", "respondent": "户主"}),
    ]:
        services.ledger.apply_action(db, None, closable, action, **kw)
    services.ledger.add_note(db, None, noted, "在办")
    services.ledger.apply_action(db, None, done, "complete", text="好")
    with db.reading() as s:
        review = queries.matters.month_end_review(s, TODAY.year, TODAY.month)
    assert [m.id for m in review.closable] == [closable]
    assert [m.id for m in review.awaiting_return_visit] == [done]
    assert [m.id for m in review.needs_progress_note] == [silent]
    assert (
        review.month_end.month == TODAY.month and (review.month_end + dt.timedelta(days=1)).day == 1
    )


def test_february_month_end_is_its_last_day():
    assert periods.month_bounds(2028, 2)[1] == dt.date(2028, 2, 29)
    assert periods.month_bounds(2027, 2)[1] == dt.date(2027, 2, 28)


def test_vocabulary_retire_keeps_old_records_readable(db, village):
    services.setup.retire_vocab_term(db, None, "household_category", "dibao")
    with db.reading() as s:
        assert "dibao" not in {
            t.code for t in queries.reference.vocabulary(s, "household_category")
        }
        assert queries.reference.labels(s, "household_category")["dibao"] == "低保户"
        assert (
            queries.households.household_count(
                s, queries.households.HouseholdFilter(category="dibao")
            )
            == 1
        )
