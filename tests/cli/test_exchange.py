"""``village-desk exchange …`` as a cadre or a script uses it: the passphrase
from the environment, a first package from a new laptop, what import prints,
digests that agree, and an import killed midway."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from village_desk import cli

SECRET = "qingshan-2026"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("VILLAGE_DESK_EXCHANGE_PASSPHRASE", SECRET)
    return tmp_path


def at(tmp_path, name: str, monkeypatch):
    """Run the command as the installation ``name`` (its own config folder)."""

    def run(*args) -> int:
        monkeypatch.setenv("VILLAGE_DESK_CONFIG_DIR", str(tmp_path / name / "config"))
        return cli.main(["--data-dir", str(tmp_path / name / "data"), *args])

    return run


def test_export_import_status_digest_and_conflicts(env, monkeypatch, capsys):
    a = at(env, "a", monkeypatch)
    b = at(env, "b", monkeypatch)
    where = ["--village", "桃花村", "--township", "青山镇", "--county", "隆回县"]
    assert a("init", *where) == 0
    assert b("init", *where) == 0
    capsys.readouterr()

    assert a("exchange", "export", str(env)) == 0
    out = capsys.readouterr().out
    [made] = [p for p in env.iterdir() if p.suffix == ".vdx"]
    assert made.name.startswith("VD-THC-") and str(made) in out

    # A first package from an unknown laptop, no terminal to ask on: refused.
    assert b("exchange", "import", str(made)) == 2
    err = capsys.readouterr().err
    assert "还没有确认过" in err and "指纹" in err
    assert b("exchange", "import", "--trust-new-device", str(made)) == 0
    out = capsys.readouterr().out
    assert "已导入" in out and "冲突（待处理）：0 条" in out

    assert b("exchange", "import", str(made)) == 0
    assert "已经导入过" in capsys.readouterr().out

    assert b("exchange", "export", str(env / "back.vdx")) == 0
    assert a("exchange", "import", "--trust-new-device", str(env / "back.vdx")) == 0
    capsys.readouterr()
    assert a("exchange", "digest") == 0
    digest_a = capsys.readouterr().out.strip()
    assert b("exchange", "digest") == 0
    assert capsys.readouterr().out.strip() == digest_a and len(digest_a) == 64

    assert a("exchange", "status") == 0
    status = capsys.readouterr().out
    assert "桃花村" in status and "待发送 0 条" in status

    assert a("exchange", "conflicts") == 0
    assert "没有冲突" in capsys.readouterr().out


def test_a_wrong_passphrase_is_a_message_not_a_traceback(env, monkeypatch, capsys):
    a = at(env, "a", monkeypatch)
    b = at(env, "b", monkeypatch)
    a("init", "--village", "桃花村", "--township", "青山镇")
    b("init", "--village", "桃花村", "--township", "青山镇")
    a("exchange", "export", str(env / "p.vdx"))
    monkeypatch.setenv("VILLAGE_DESK_EXCHANGE_PASSPHRASE", "not-the-right-one")
    capsys.readouterr()
    assert b("exchange", "import", "--trust-new-device", str(env / "p.vdx")) == 2
    err = capsys.readouterr().err
    assert "交换口令不对" in err and "Traceback" not in err


def test_the_stored_passphrase_is_used_and_kept_private(env, monkeypatch, capsys):
    a = at(env, "a", monkeypatch)
    a("init", "--village", "桃花村")
    assert a("exchange", "passphrase") == 0  # from the environment variable
    stored = env / "a" / "config" / "exchange-passphrase.json"
    assert stored.exists() and (stored.stat().st_mode & 0o077) == 0
    monkeypatch.delenv("VILLAGE_DESK_EXCHANGE_PASSPHRASE")
    assert a("exchange", "export", str(env / "p.vdx")) == 0
    key = env / "a" / "config" / "exchange-signing-key.pem"
    assert (key.stat().st_mode & 0o077) == 0


def test_a_too_short_passphrase_is_refused(env, monkeypatch, capsys):
    a = at(env, "a", monkeypatch)
    a("init", "--village", "桃花村")
    monkeypatch.setenv("VILLAGE_DESK_EXCHANGE_PASSPHRASE", "short")
    capsys.readouterr()
    assert a("exchange", "passphrase") == 2
    assert "至少 8 个字符" in capsys.readouterr().err


def _cli(tmp_path, name: str, *args, **kw) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "VILLAGE_DESK_CONFIG_DIR": str(tmp_path / name / "config"),
        "VILLAGE_DESK_EXCHANGE_PASSPHRASE": SECRET,
    }
    return subprocess.run(
        [sys.executable, "-m", "village_desk", "--data-dir", str(tmp_path / name / "data"), *args],
        capture_output=True,
        text=True,
        env=env,
        **kw,
    )


@pytest.mark.slow
def test_an_import_killed_midway_leaves_the_database_as_before_and_can_be_redone(tmp_path):
    assert _cli(tmp_path, "a", "demo", "--households", "300").returncode == 0
    assert (
        _cli(tmp_path, "a", "exchange", "export", "--full", str(tmp_path / "p.vdx")).returncode == 0
    )
    assert _cli(tmp_path, "b", "init", "--township-office", "--township", "青山镇").returncode == 0
    before = _cli(tmp_path, "b", "exchange", "digest").stdout
    env = {
        **os.environ,
        "VILLAGE_DESK_CONFIG_DIR": str(tmp_path / "b" / "config"),
        "VILLAGE_DESK_EXCHANGE_PASSPHRASE": SECRET,
    }
    command = [
        sys.executable, "-m", "village_desk", "--data-dir", str(tmp_path / "b" / "data"),
        "exchange", "import", "--trust-new-device", str(tmp_path / "p.vdx"),
    ]  # fmt: skip
    rng = random.Random(7)
    killed = 0
    seen = []
    for _ in range(5):
        proc = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.9, 2.4))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        if proc.returncode == 0:
            break  # finished before the kill: nothing more to try
        check = _cli(tmp_path, "b", "check")
        assert check.returncode == 0, check.stderr
        seen.append(_cli(tmp_path, "b", "exchange", "digest").stdout)
    assert killed > 0
    done = _cli(tmp_path, "b", "exchange", "import", "--trust-new-device", str(tmp_path / "p.vdx"))
    assert done.returncode == 0, done.stderr
    assert "已导入" in done.stdout or "已经导入过" in done.stdout
    assert _cli(tmp_path, "b", "check").returncode == 0
    after = _cli(tmp_path, "b", "exchange", "digest").stdout
    assert after != before
    # Killed: exactly as before or (killed after the commit) as after; an
    # import is one transaction.
    assert set(seen) <= {before, after}
    assert before in seen  # at least one kill came before the import committed


def test_held_changes_are_listed_and_merged_on_request(env, monkeypatch, capsys):
    from village_desk.core import services
    from village_desk.core.services.households import HouseholdInput, PersonInput
    from village_desk.core.storage import merge
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.replica import IdentityStore

    a = at(env, "a", monkeypatch)
    assert a("init", "--village", "桃花村", "--township", "青山镇") == 0
    other = Database.open(
        f"sqlite:///{env / 'other.sqlite3'}", identities=IdentityStore(env / "other-config")
    )
    services.setup.initialize(other, village="桃花村", township="青山镇")
    services.households.create_household(
        other, None, HouseholdInput(number="01-001"), PersonInput(name="张三丰")
    )
    changes = merge.export_changes(other)
    other.close()
    monkeypatch.setenv("VILLAGE_DESK_CONFIG_DIR", str(env / "a" / "config"))
    mine = Database.open(f"sqlite:///{env / 'a' / 'data' / 'village-desk.sqlite3'}")
    three_days_ago = int(time.time() * 1000) - 3 * 24 * 3600 * 1000
    held = merge.merge(mine, changes, now_ms=three_days_ago).quarantined
    mine.close()
    assert held == len(changes)
    capsys.readouterr()

    assert a("exchange", "conflicts") == 0
    out = capsys.readouterr().out
    assert f"暂存\t{held} 条改动的时间超前" in out
    assert a("exchange", "accept-held") == 2  # no terminal to confirm on
    assert "--yes" in capsys.readouterr().err
    assert a("exchange", "accept-held", "--yes") == 0
    assert f"已合并 {held} 条改动" in capsys.readouterr().out
    assert a("exchange", "conflicts") == 0
    assert "暂存" not in capsys.readouterr().out


def test_import_says_how_many_photos_came(env, monkeypatch, capsys):
    import datetime as dt
    import io

    from PIL import Image

    from village_desk.core import services
    from village_desk.core.domain.attachments import human_size
    from village_desk.core.exchange.package import export_package
    from village_desk.core.services import attachments as att
    from village_desk.core.services.diary import DiaryInput
    from village_desk.core.services.households import HouseholdInput, PersonInput
    from village_desk.core.storage.db import Database
    from village_desk.core.storage.replica import IdentityStore

    a = at(env, "a", monkeypatch)
    assert a("init", "--village", "桃花村", "--township", "青山镇") == 0
    other = Database.open(
        f"sqlite:///{env / 'other' / 'data.sqlite3'}",
        identities=IdentityStore(env / "other-config"),
    )
    services.setup.initialize(other, village="桃花村", township="青山镇")
    cadre = services.setup.add_cadre(other, None, "王建国", "secretary", "")
    hid = services.households.create_household(
        other, None, HouseholdInput(number="01-001"), PersonInput(name="张三丰")
    )
    entry, _ = services.diary.write_entry(
        other,
        cadre,
        DiaryInput(dt.date.today(), "home_visit", cadre, [hid], narrative="入户走访"),
    )
    jpeg = io.BytesIO()
    Image.new("RGB", (320, 240), "red").save(jpeg, "JPEG")
    prepared = att.prepare_bytes(jpeg.getvalue(), "visit.jpg")
    att.add_prepared(other, cadre, "diary_entry", entry, prepared)
    made = export_package(other, env / "p.vdx", secret=SECRET).path
    other.close()
    capsys.readouterr()
    assert a("exchange", "import", "--trust-new-device", str(made)) == 0
    out = capsys.readouterr().out
    assert f"附件文件（照片、扫描件）：收到 1 个，{human_size(len(prepared.data))}" in out
    assert a("check") == 0
