"""The township office from the command line: set up, and a village named."""

from __future__ import annotations

from tests.cli.test_exchange import _cli


def test_a_township_office_is_set_up_by_its_townships_name(tmp_path):
    missing = _cli(tmp_path, "t", "init", "--township-office")
    assert missing.returncode == 2 and "乡镇名称" in missing.stderr
    done = _cli(tmp_path, "t", "init", "--township-office", "--township", "青山镇")
    assert done.returncode == 0, done.stderr
    assert "乡镇汇总库：青山镇" in done.stdout
    unknown = _cli(tmp_path, "t", "exchange", "digest", "--village", "桃花村")
    assert unknown.returncode == 2 and "没有叫“桃花村”的村" in unknown.stderr
    # the whole township's digest is there, like on any copy
    assert len(_cli(tmp_path, "t", "exchange", "digest").stdout.strip()) == 64


def test_a_village_laptop_needs_its_villages_name(tmp_path):
    missing = _cli(tmp_path, "v", "init", "--township", "青山镇")
    assert missing.returncode == 2 and "--village" in missing.stderr
