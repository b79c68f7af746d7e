"""The Qt interface: the only layer that imports PySide6."""

from aiconsult_desktop.ui import pyside_workaround as _pyside_workaround  # noqa: F401  (first)
