"""argparse in French, without touching argparse itself.

Python ships no French catalogue for argparse, and patching its gettext hook would
change the messages of every parser in the process. Instead the parser class below
names its own help and sections, and translates the few English messages argparse can
pass to `error()` ("invalid choice", "invalid int value", "expected one argument"…).
An English message we do not know is never shown: it becomes a French sentence that
points to --help.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from typing import Any, NoReturn

EXIT_USAGE = 2

# English message (as argparse words it in Python 3.11 to 3.13) → French.
_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.DOTALL), f)
    for p, f in (
        (r"the following arguments are required: (.*)", r"arguments obligatoires manquants : \1"),
        (r"unrecognized arguments: (.*)", r"arguments inconnus : \1"),
        (r"one of the arguments (.*) is required", r"un de ces arguments est obligatoire : \1"),
        (r"ambiguous option: (\S+) could match (.*)", r"option ambiguë : \1 peut désigner \2"),
        (r"invalid choice: (.*?) \(choose from (.*)\)", r"choix invalide : \1 (choisir parmi \2)"),
        (r"invalid \S+ value: (.*)", r"valeur invalide : \1"),
        (r"expected one argument", "une valeur est attendue"),
        (r"expected at most one argument", "une valeur au plus est attendue"),
        (r"expected at least one argument", "au moins une valeur est attendue"),
        (r"expected 1 argument", "une valeur est attendue"),
        (r"expected (\d+) arguments", r"\1 valeurs attendues"),
        (r"not allowed with argument (.*)", r"incompatible avec l'argument \1"),
        (r"ignored explicit argument (.*)", r"valeur en trop : \1"),
    )
]
_ARGUMENT = re.compile(r"argument (.+?): (.*)", re.DOTALL)
UNKNOWN = "arguments incorrects (voir --help)"


def _known(message: str) -> str | None:
    for pattern, french in _MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return found.expand(french)
    return None


def translate(message: str) -> str:
    """argparse's English `message` in French; ours (ArgumentTypeError) pass unchanged."""
    found = _ARGUMENT.fullmatch(message)
    if found:
        name, inner = found.groups()
        # The inner text is either argparse's (translated) or our own French sentence.
        return f"argument {name} : {_known(inner) or inner}"
    return _known(message) or UNKNOWN


class FrenchHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """Help in French; wrong arguments give one French line (no usage), exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # ours, in French, below
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog} : erreur : {translate(message)}\n")
