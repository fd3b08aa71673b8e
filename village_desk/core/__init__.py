"""The Qt-free core: model, storage, journal, services, search, formats.

Nothing below this package may import PySide6 (tests/unit/test_architecture.py).
"""
