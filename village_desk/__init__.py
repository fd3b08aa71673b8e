"""Village Desk (村务民情台账)."""

__version__ = "0.1.0"
