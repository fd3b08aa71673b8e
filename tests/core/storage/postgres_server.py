"""A throwaway PostgreSQL server for tests: initdb in a temp dir, Unix socket only.

Skips when no PostgreSQL server binaries exist, unless
VILLAGE_DESK_REQUIRE_POSTGRES=1 (set by .ci/run, which installs them), in which
case a missing server is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile

import pytest


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self):
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if not (initdb and pg_ctl):
            if os.environ.get("VILLAGE_DESK_REQUIRE_POSTGRES") == "1":
                pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) not found")
            pytest.skip("PostgreSQL server binaries not installed")
        self.root = tempfile.mkdtemp(prefix="vd-pg-")
        self.port = _free_port()
        self.pg_ctl = pg_ctl
        self.data = os.path.join(self.root, "data")
        self.run_as = []
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self.root, "postgres")
            self.run_as = ["runuser", "-u", "postgres", "--"]
        subprocess.run(
            [
                *self.run_as,
                initdb,
                "-D",
                self.data,
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
                "-A",
                "trust",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *self.run_as,
                pg_ctl,
                "-D",
                self.data,
                "-w",
                "-l",
                os.path.join(self.root, "log"),
                "-o",
                f"-k {self.root} -p {self.port} -c listen_addresses='' -c fsync=off",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        self._n = 0

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}&port={self.port}"

    def new_database(self) -> str:
        from sqlalchemy import create_engine, text

        self._n += 1
        name = f"vd_test_{self._n}"
        engine = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)
