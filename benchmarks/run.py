"""Run every ``benchmarks/bench_*.py`` and print a Markdown table for the README.

    .venv/bin/python benchmarks/run.py            # full size (township scale)
    .venv/bin/python benchmarks/run.py --quick    # small sizes, a smoke run
    .venv/bin/python benchmarks/run.py --only core excel

Each module has ``run(quick) -> list[dict]`` with ``name``, ``seconds``,
``baseline_seconds``, ``ratio``, ``target`` and optional ``detail``. Results
also go to ``benchmarks/out/latest.md`` and ``latest.json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def table(rows: list[dict]) -> str:
    lines = [
        "| 项目 benchmark | 用时 time | 基线 baseline | 倍数 ratio | 目标 target | 说明 detail |",
        "|---|---:|---:|---:|---|---|",
    ]
    for r in rows:
        ratio = f"{r['ratio']:.2f}×" if r.get("ratio") else "—"
        lines.append(
            f"| {r['name']} | {_ms(r['seconds'])} | {_ms(r.get('baseline_seconds'))} | "
            f"{ratio} | {r['target']} | {r.get('detail', '')} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Village Desk benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke run)")
    parser.add_argument("--only", nargs="*", help="module names without bench_, e.g. core")
    args = parser.parse_args(argv)
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if args.only:
        names = [n for n in names if n.removeprefix("bench_") in args.only]
    rows: list[dict] = []
    started = time.perf_counter()
    for name in names:
        print(f"… {name}", file=sys.stderr, flush=True)
        rows += importlib.import_module(name).run(args.quick)
    from common import OUT as out

    out.mkdir(parents=True, exist_ok=True)
    header = (
        f"{time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, "
        f"{platform.machine()}, {'quick' if args.quick else 'full'} run, "
        f"{time.perf_counter() - started:.0f} s in all"
    )
    text = header + "\n\n" + table(rows)
    (out / "latest.md").write_text(text + "\n", encoding="utf-8")
    (out / "latest.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
