"""PySide6 6.12.0 on Python 3.11: keep True from being worn out.

PySide6 6.12.0's `SignalInstance.emit` and `SignalInstance.disconnect` return True without
owning a reference to it, so each call made from Python takes one reference from True for
good. Python 3.12 made True immortal; on 3.11 its count reaches zero after some thousands
of calls (every background operation emits its progress, result and end; every pytest-qt
wait disconnects) and Python aborts with « Fatal Python error: bool_dealloc ».

Measured once, when the ui package is imported: where references are lost, True's count is
raised by 2**40, more than any session loses. True is a static object that is never freed;
its count only guards that abort. A fixed PySide6, or Python ≥ 3.12, is left alone.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 64
_ENOUGH = 2**40


class _Probe(QObject):
    probed = Signal()


def emit_loses_references() -> bool:
    """Whether `emit` takes a reference from True (64 emits, all of them lost)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.probed.emit()
    return before - sys.getrefcount(True) >= _PROBES


def keep_true_alive() -> bool:
    """Give True enough references for any session; True when it was needed."""
    if sys.version_info >= (3, 12) or not emit_loses_references():
        return False
    # CPython: an object's reference count is the first field at its address.
    ctypes.c_ssize_t.from_address(id(True)).value += _ENOUGH
    return True


KEPT_ALIVE = keep_true_alive()
