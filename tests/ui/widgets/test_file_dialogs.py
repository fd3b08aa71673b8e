"""File dialogs open in the folder last used for that kind of file, else in
Documents — never in the program's working folder — and Qt's own dialog
(where the system has none) speaks Chinese."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel

from village_desk.ui.printing import preview
from village_desk.ui.widgets import files


def test_a_pdf_is_saved_first_in_documents_then_where_the_last_one_went(
    tmp_path, monkeypatch, qtbot
):
    documents = tmp_path / "文档"
    documents.mkdir()
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda _where: str(documents))
    )
    QSettings().remove(files.FOLDER_KEYS["pdf"])
    asked: list[str] = []
    elsewhere = tmp_path / "打印件"
    elsewhere.mkdir()

    def dialog(parent, caption, start, filters):
        asked.append(start)
        return str(elsewhere / "联系卡"), filters  # typed without .pdf

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    first = preview.choose_save_path(None, "联系卡.pdf")
    assert asked[0] == str(documents / "联系卡.pdf")
    assert first == str(elsewhere / "联系卡.pdf")
    preview.choose_save_path(None, "公示.pdf")
    assert asked[1] == str(elsewhere / "公示.pdf")  # the folder used last time


def test_a_missing_documents_folder_or_last_folder_means_home_not_the_working_folder(
    tmp_path, monkeypatch
):
    gone = tmp_path / "不存在的文档"
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _where: str(gone)))
    monkeypatch.chdir(tmp_path)
    prefs = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    prefs.setValue(files.FOLDER_KEYS["ledger"], str(tmp_path / "已删除的文件夹"))
    for kind in ("ledger", "roster", "pdf"):
        start = files.start_folder(prefs, kind)
        assert os.path.isdir(start) and start != str(tmp_path), (kind, start)
        assert start == os.path.expanduser("~")


def test_qts_own_file_dialog_is_in_chinese(qtbot):
    """Where there is no system dialog Qt draws its own: translated, not
    「Look in:」 and 「Files of type:」 among Chinese (this Qt labels them
    "&Look in:" and "Files of &type:", which its Chinese catalogue lacks)."""
    dialog = QFileDialog(None, "选择文件")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert "Look in" not in " ".join(labels.values())
