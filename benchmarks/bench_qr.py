"""Benchmark: 1,000 different QR codes for contact cards.

Target (issue 13): ≤ 2 s per 1,000 distinct codes. ``qr_path`` (what the
cards draw: segno's matrix with a fixed mask, turned into PDF rectangles) is
measured against the raw library call it is built on, ``segno.make(…,
mask=…).matrix`` for the same payloads in the same run. A second row shows
what segno's automatic mask choice (the former way, eight masks scored per
code) costs for the same payloads, against the same baseline.

``run(quick)`` returns rows for benchmarks/run.py; as a script it prints them.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import segno  # noqa: E402
from common import result  # noqa: E402

from village_desk.core.printing.carddata import CardCadre  # noqa: E402
from village_desk.core.printing.qr import MASK, contact_payload, qr_path  # noqa: E402

CODES = 1000
TARGET_SECONDS = 2.0


def payloads(n: int) -> list[str]:
    """Contact vCards of ``n`` different cadres (names and phones vary)."""
    names = ["王建国", "欧阳秀英", "李明", "覃小龙", "张三丰", "刘桂兰"]
    return [
        contact_payload(CardCadre(names[i % 6], "网格员", f"139{i:08d}"), "桃花村")
        for i in range(n)
    ]


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def run(quick: bool = False) -> list[dict]:
    n = 200 if quick else CODES
    repeat = 1 if quick else 3
    data = payloads(n)
    per = CODES / n  # figures are per 1,000 codes

    def ours():
        qr_path.cache_clear()
        for p in data:
            qr_path(p)

    def raw_fixed():
        for p in data:
            segno.make(p, error="m", micro=False, boost_error=False, mask=MASK).matrix  # noqa: B018

    def raw_auto():
        for p in data:
            segno.make(p, error="m", micro=False, boost_error=False).matrix  # noqa: B018

    ours()  # warm up
    baseline = _best(raw_fixed, repeat) * per
    seconds = _best(ours, repeat) * per
    auto = _best(raw_auto, 1) * per
    return [
        result(
            "1,000 个不同二维码 distinct QR codes for cards (qr_path, fixed mask) "
            "vs raw segno.make(mask=…)",
            seconds,
            baseline,
            f"≤ {TARGET_SECONDS:g} s per 1,000 distinct codes",
            detail=f"{n} codes measured, scaled to 1,000",
            ok=seconds <= TARGET_SECONDS,
        ),
        result(
            "the same codes with segno's automatic mask choice (before) vs raw fixed mask",
            auto,
            baseline,
            "reported only",
            detail="eight masks scored per code",
            ok=True,
        ),
    ]


def main() -> int:
    rows = run(quick="--quick" in sys.argv)
    for r in rows:
        mark = "" if r["ok"] else "  (MISSED)"
        print(
            f"{r['name']}: {r['seconds']:.3f} s, baseline {r['baseline_seconds']:.3f} s, "
            f"{r['ratio']:.2f}× (target {r['target']}){mark}"
        )
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
