"""The hybrid logical clock that stamps every journaled change."""

from __future__ import annotations

import threading
import time

MAX_COUNTER = 9999  # four digits in the stamp
MAX_DRIFT_MS = 24 * 3600 * 1000  # stamps further ahead than a day are not adopted


class HybridClock:
    """Hybrid logical clock (Kulkarni et al.): wall-clock ms + counter + node.

    Timestamps are strings ``MMMMMMMMMMMMM-CCCC-NODE`` that sort in causal
    order; NODE is the device's whole id (32 hex digits), the deterministic
    tie-break between devices. :meth:`observe` merges a timestamp received
    from another device.
    """

    def __init__(self, node: str, last: str | None = None, wall=time.time):
        self.node = node
        self._wall = wall
        self._lock = threading.Lock()
        self._ms, self._counter = 0, 0
        if last:
            self._ms, self._counter = self.parse(last)[:2]

    @staticmethod
    def parse(stamp: str) -> tuple[int, int, str]:
        ms, counter, node = stamp.split("-", 2)
        return int(ms), int(counter), node

    def _format(self) -> str:
        return f"{self._ms:013d}-{self._counter:04d}-{self.node}"

    def tick(self) -> str:
        with self._lock:
            now = int(self._wall() * 1000)
            if now > self._ms:
                self._ms, self._counter = now, 0
            else:
                self._counter += 1
                if self._counter > MAX_COUNTER:  # keep the fixed width: borrow a millisecond
                    self._ms, self._counter = self._ms + 1, 0
            return self._format()

    def current(self) -> str:
        """The last stamp issued or adopted ("" before any)."""
        with self._lock:
            return self._format() if (self._ms or self._counter) else ""

    def advance_to(self, stamp: str | None) -> None:
        """Adopt a stamp this database already holds (issued by another process
        or seen in a merge), so the next tick is above it. Unlike
        :meth:`observe`, no drift check: it is already ours."""
        if not stamp:
            return
        ms, counter, _ = self.parse(stamp)
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter

    def observe(self, stamp: str) -> None:
        """Advance past a timestamp seen from another device."""
        ms, counter, _ = self.parse(stamp)
        if ms > self._wall() * 1000 + MAX_DRIFT_MS:
            return  # a device with a clock far ahead must not drag ours along
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter
