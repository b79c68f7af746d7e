"""`aiconsult`: the command line. Same services as the GUI, and never imports Qt.

One module per command group (`listing`, `transfer`, `exports`, `backups`, `ics`,
`meeting_pack`, `tools`); `run` builds the parser and runs a command. This package's
own import stays light: the app imports `cli.french` for its parser.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """The `aiconsult` entry point: run one command, return its exit code."""
    from aiconsult_desktop.cli.run import main as run

    return run(argv)
