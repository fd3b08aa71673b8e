"""GUI start-up."""

from __future__ import annotations


def run_gui(args) -> int:
    import sys

    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    win = QMainWindow()
    win.setWindowTitle("村务民情台账")
    win.resize(1200, 720)
    win.show()
    return app.exec()
