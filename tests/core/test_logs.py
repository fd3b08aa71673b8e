"""The crash file: what faulthandler wrote during a crash is shown once at
the next start, then moved aside."""

from __future__ import annotations

from village_desk.core import logs


def test_a_crash_left_behind_is_read_once_then_moved_aside(tmp_path):
    (tmp_path / logs.CRASH_FILE).write_text(
        'Fatal Python error: Segmentation fault\n\nCurrent thread 0x1 (most recent call first):\n  File "x.py", line 1\n',
        encoding="utf-8",
    )
    text = logs.previous_crash(tmp_path)
    assert text is not None and "Segmentation fault" in text
    assert logs.previous_crash(tmp_path) is None  # shown once
    kept = list(tmp_path.glob("crash-*.txt"))
    assert len(kept) == 1 and "Segmentation fault" in kept[0].read_text(encoding="utf-8")


def test_a_clean_exit_leaves_nothing_to_show(tmp_path):
    (tmp_path / logs.CRASH_FILE).write_text("", encoding="utf-8")
    assert logs.previous_crash(tmp_path) is None
    assert logs.previous_crash(tmp_path / "missing") is None


def test_the_ring_buffer_keeps_the_latest_lines():
    import logging

    ring = logs.RingBuffer(capacity=3)
    logger = logging.getLogger("village_desk.test_ring")
    logger.addHandler(ring)
    logger.setLevel(logging.INFO)
    try:
        for n in range(5):
            logger.info("line %d", n)
    finally:
        logger.removeHandler(ring)
    assert [line.rsplit(": ", 1)[1] for line in ring.lines] == ["line 2", "line 3", "line 4"]
