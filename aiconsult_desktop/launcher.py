"""The bundle's one program on Linux, where a console program and a windowed one are the
same kind of file: started through the `aiconsult` link beside it, it is the command line;
under any other name, the window. Two programs would each carry their own copy of the
bundled Python modules (12 MB each); Windows keeps two, as a console needs its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

CLI_NAME = "aiconsult"


def main() -> int:
    if Path(sys.argv[0]).name == CLI_NAME:
        from aiconsult_desktop import cli

        return cli.main()
    from aiconsult_desktop import app

    return app.main()


if __name__ == "__main__":
    sys.exit(main())
