"""A realistic demo village (or township) for trying the app, tests and
benchmarks: ``generate(db, households=300)``."""

from .generator import DemoSummary, generate

__all__ = ["DemoSummary", "generate"]
