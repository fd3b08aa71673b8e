"""An activity (“六个一”) travels between two laptops of one village like
every record: each laptop names another cadre on the same 实事工程 offline
and, after exchanging files, both cadres are on it on both laptops — and it
counts for both in their 六个一."""

from __future__ import annotations

import datetime as dt

from tests.core.exchange.test_package import Copy
from village_desk.core import queries, services
from village_desk.core.services.activities import ActivityInput

DAY = dt.date.today() - dt.timedelta(days=2)


def project(cadres, **kw) -> ActivityInput:
    values = dict(kind="project", date=DAY, title="二组通组路硬化", place="二组", cadre_ids=cadres)
    values.update(kw)
    return ActivityInput(**values)


def test_two_laptops_add_different_cadres_to_one_project_and_both_stay(tmp_path):
    a, b = Copy(tmp_path, "a"), Copy(tmp_path, "b")
    wang = services.setup.add_cadre(a.db, None, "王建国", "secretary", "13907310001")
    li = services.setup.add_cadre(a.db, None, "李秀英", "grid", "13907310002")
    zhao = services.setup.add_cadre(a.db, None, "赵文华", "village_cadre", "13907310003")
    aid = services.activities.record_activity(a.db, wang, project([wang]))
    b.take(a.export(tmp_path / "1.vdx").path)

    services.activities.update_activity(a.db, wang, aid, project([wang, li]))
    services.activities.update_activity(b.db, wang, aid, project([wang, zhao], head_count=80))
    b.take(a.export(tmp_path / "2.vdx").path)
    a.take(b.export(tmp_path / "3.vdx").path)

    assert a.digest == b.digest
    for copy in (a, b):
        (seen,) = copy.db.read(queries.six_ones.activities)
        assert set(seen.cadre_ids) == {wang, li, zhao}
        assert seen.head_count == 80
        counts = {
            r.name: r.counts["project"] for r in copy.db.read(queries.six_ones.six_ones, DAY.year)
        }
        assert counts == {"王建国": 1, "李秀英": 1, "赵文华": 1}
