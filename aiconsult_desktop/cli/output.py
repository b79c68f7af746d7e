"""The command's standard output, when whoever reads it stops or the disk is full.

`aiconsult list questions | head` closes the pipe after ten lines: that is the reader's
choice, not a failure, so the command ends quietly (exit code 0, nothing on stderr). A
full disk under `aiconsult list … > fichier` is a failure: one French sentence, exit 1.
Either way Python must not print its own "Exception ignored … BrokenPipeError" at exit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from aiconsult_desktop.domain.french_errors import os_reason


class OutputFailed(Exception):
    """Writing to standard output failed; raised through the command's own code."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error

    @property
    def reader_left(self) -> bool:
        # Windows reports a closed pipe as EINVAL on flush.
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EINVAL

    @property
    def message(self) -> str:
        return f"La sortie de la commande n'a pas pu être écrite : {os_reason(self.error)}."


class _Guarded:
    """Standard output whose write errors become OutputFailed."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise OutputFailed(error) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise OutputFailed(error) from error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def guarded_stdout() -> Iterator[None]:
    """Within the block, a failed write to stdout raises OutputFailed; on leaving it, what
    could not be written is dropped instead of failing again when Python exits."""
    real = sys.stdout
    if real is None:  # no console at all (pythonw): nothing to guard
        yield
        return
    sys.stdout = _Guarded(real)
    try:
        yield
        sys.stdout.flush()
    except OutputFailed:
        _silence(real)
        raise
    finally:
        sys.stdout = real


def _silence(stream: TextIO) -> None:
    """Point stdout's descriptor at the null device, so the final flush has nowhere to fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
