"""The one protocol for long work: progress in [0, 1], cancellation raises at
the next report."""

from __future__ import annotations

import pytest

from village_desk.core.jobs import Cancelled, Job, ensure


def test_parts_report_into_their_range_of_the_whole():
    seen = []
    job = Job(lambda stage, fraction: seen.append((stage, round(fraction, 3))))
    job.report("读取", 0.0)
    reading = job.part(0.0, 0.6)
    reading.report("读取", 0.5)
    writing = job.part(0.6, 1.0)
    writing.part(0.5, 1.0).report("写入", 1.0)
    writing.report("写入", 2.0)  # clamped
    assert seen == [("读取", 0.0), ("读取", 0.3), ("写入", 1.0), ("写入", 1.0)]


def test_cancelling_stops_the_work_at_the_next_report_everywhere():
    job = Job()
    part = job.part(0.5, 1.0)
    job.report("开始", 0.1)
    job.cancel()
    assert job.cancelled and part.cancelled
    with pytest.raises(Cancelled):
        part.report("写入", 0.2)
    with pytest.raises(Cancelled):
        job.check()


def test_a_missing_job_is_silent_and_never_cancelled():
    job = ensure(None)
    job.report("x", 0.5)
    job.check()
    assert not job.cancelled
