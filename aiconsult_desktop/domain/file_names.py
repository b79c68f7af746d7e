"""Names of files the user asks us to write, checked before any work is done.

An empty name (`-o ""` is the current folder) or one longer than disks allow used to
end in a Python error; both are said in French before anything is built.
"""

from __future__ import annotations

from pathlib import PurePath

from aiconsult_desktop.errors import ValidationError

MAX_NAME_BYTES = 240
"""Disks allow 255 bytes per name (ext4, NTFS in UTF-16 units); the temporary file
written beside the target before the rename needs a few more."""


def check_output_name(path: PurePath) -> PurePath:
    """`path`, or a French refusal when its last part cannot be a file name."""
    name = path.name
    if not name.strip() or name in (".", ".."):
        raise ValidationError(
            "Aucun nom de fichier n'est indiqué : donnez un nom au fichier à écrire.",
            field="output",
        )
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise ValidationError(
            f"Le nom de fichier « {name[:40]}… » est trop long ({len(name)} caractères) : "
            "raccourcissez-le à moins de 200 caractères.",
            field="output",
        )
    return path
