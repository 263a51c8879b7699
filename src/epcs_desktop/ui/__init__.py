"""The Qt desktop front end. Nothing here is imported by the CLI until the GUI is started.

PySide6 is pinned below 6.12 (see pyproject.toml): 6.12.0 returns None/True/False
from Qt calls and Signal.emit() without taking a reference, which aborts a
long-running window on CPython 3.11. tests/ui/test_qt_runtime.py guards the pin.
"""
