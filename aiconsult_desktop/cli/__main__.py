"""`python -m aiconsult_desktop.cli`: the same as `aiconsult`."""

import sys

from aiconsult_desktop.cli import main

sys.exit(main())
