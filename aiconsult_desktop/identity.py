"""Who is at the keyboard, for "modifiée par … le …" on a shared base.

The system login is what the section's PCs already know; AICONSULT_USER overrides it
(a shared union-office session used by several representatives).
"""

from __future__ import annotations

import getpass
import os


def current_user() -> str:
    name = os.environ.get("AICONSULT_USER", "").strip()
    if name:
        return name[:200]
    try:
        return getpass.getuser()[:200]
    except (OSError, KeyError):
        return "inconnu"
