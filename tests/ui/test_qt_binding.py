"""The Qt binding itself: PySide6 6.12.0 dropped a reference to ``None`` each
time an empty value (a combo item without data, a missing property, an empty
model cell) came back to Python. On Python 3.11, where ``None`` is counted
like any object, a few thousand such reads aborted the program with
「Fatal Python error: none_dealloc」 — the GUI reads them all the time."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QWidget


def test_reading_empty_values_does_not_use_up_none(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("无数据的选项")
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(200):
        assert combo.currentData() is None
        assert widget.property("noSuchProperty") is None
    # (other threads may hold or drop a few references meanwhile)
    assert sys.getrefcount(None) > before - 50
