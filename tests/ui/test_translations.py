"""Every UI string is translated into Simplified Chinese, and the .qm is current."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from village_desk.ui import i18n

UI_DIR = Path(i18n.__file__).resolve().parent
TS = i18n.TRANSLATIONS_DIR / "village_desk_zh_CN.ts"
CJK = re.compile(r"[\u3400-\u9fff]")
PLACEHOLDER = re.compile(r"\{\w*\}")
NOT_WORDS = re.compile(r"\{\w*\}|\b(?:Ctrl|Shift|Alt)\b")  # stay as they are in Chinese


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (ctx.findtext("name"), msg.findtext("source"), msg.find("translation"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def source_strings() -> set[tuple[str, str]]:
    """(context, text) of every self.tr("…") and translate("ctx", "…") in ui/*.py."""
    found = set()
    for path in UI_DIR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            for node in ast.walk(cls):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
                if node.func.attr == "tr" and cls is not tree and args and isinstance(args[0], str):
                    found.add((cls.name, args[0]))
                elif (
                    node.func.attr == "translate"
                    and len(args) >= 2
                    and all(isinstance(a, str) for a in args[:2])
                ):
                    found.add((args[0], args[1]))
    return found


def test_the_source_scan_finds_strings():
    strings = source_strings()
    assert ("MainWindow", "Households") in strings
    assert ("Errors", "An unexpected error occurred: {reason}") in strings
    assert len(strings) > 50


def test_every_message_has_a_finished_chinese_translation():
    problems = []
    for ctx, source, translation in ts_messages():
        kind = translation.get("type")
        text = translation.text or ""
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{ctx}: {source!r} is {kind}")
        elif not text.strip():
            problems.append(f"{ctx}: {source!r} has no translation")
        elif re.search(r"[A-Za-z]", NOT_WORDS.sub("", source)) and not CJK.search(text):
            problems.append(f"{ctx}: {source!r} → {text!r} is not Chinese")
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: {source!r} → {text!r} changes the {{placeholders}}")
    assert not problems, "\n".join(problems)


def test_every_ui_string_is_in_the_ts_file():
    in_ts = {(ctx, source) for ctx, source, _ in ts_messages()}
    missing = sorted(source_strings() - in_ts)
    assert not missing, (
        "run pyside6-lupdate (see resources/translations/README.md) and translate:\n"
        + "\n".join(f"{c}: {s!r}" for c, s in missing)
    )


def test_the_compiled_qm_matches_the_ts_file(app):
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("zh_CN")))
    stale = [
        (ctx, source)
        for ctx, source, translation in ts_messages()
        if translator.translate(ctx, source) != translation.text
    ]
    assert not stale, f"run pyside6-lrelease: the .qm is older than the .ts: {stale}"


@pytest.mark.parametrize("language", ["zh_CN"])
def test_translation_files_are_where_the_app_looks(language):
    assert i18n.qm_path(language).is_file()
    assert TS.is_file()
