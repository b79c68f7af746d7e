"""How a sentence names an employer: « la Région des Pays de la Loire », « posées à la
Région… », « au Centre de gestion… », « du Département… », « l'Eurométropole… ».

French needs the employer's article, and the article changes with the preposition
(à + le = au, de + le = du, à + les = aux). Each employer stores its article; when it
stores none, the first word of its name gives the default (« Région » is feminine,
« Centre » masculine, a vowel elides). The user corrects it in the employer's form, for
the names whose first word says nothing (« Nantes Métropole » takes none).
"""

from __future__ import annotations

from dataclasses import dataclass

from aiconsult_desktop.domain.enums import LabelledEnum
from aiconsult_desktop.errors import ValidationError

# French gender of the nouns that open an employer's name (collectivités, établissements).
_FEMININE = frozenset(
    {
        "région", "commune", "ville", "métropole", "communauté", "mairie", "collectivité",
        "préfecture", "direction", "agglomération", "caisse", "maison", "intercommunalité",
        "eurométropole", "université", "académie", "agence",
    }
)  # fmt: skip
_MASCULINE = frozenset(
    {
        "département", "conseil", "centre", "syndicat", "pôle", "service", "groupement",
        "territoire", "établissement", "office", "hôpital", "institut",
    }
)  # fmt: skip
_PLURAL = frozenset({"services", "hospices", "hôpitaux", "archives"})
_VOWELS = tuple("aeiouyhàâéèêëîïôöûüœ")
_SOUNDED_AS_LETTERS = frozenset({"sdis", "ccas", "cias", "cdg", "cnfpt", "cgos"})
"""Acronyms read letter by letter: « le SDIS », not « l'SDIS »."""


class Article(LabelledEnum):
    """The article an employer's name takes; its value is what the store keeps."""

    FEMININE = ("la", "la")
    MASCULINE = ("le", "le")
    ELIDED = ("l'", "l'")
    PLURAL = ("les", "les")
    NONE = ("aucun", "sans article")


def default_article(name: str) -> Article:
    """The article the first word of `name` calls for: a known noun gives its gender
    (elided before a vowel or a mute h: « l'Hôpital »), an acronym read letter by letter
    is masculine (« le SDIS »), anything else (a place: « Nantes Métropole », « Angers
    Loire Métropole ») takes none."""
    words = name.split()
    first = words[0].casefold() if words else ""
    if first in _PLURAL:
        return Article.PLURAL
    if first in _SOUNDED_AS_LETTERS:
        return Article.MASCULINE
    if first in _FEMININE or first in _MASCULINE:
        if first.startswith(_VOWELS):
            return Article.ELIDED
        return Article.FEMININE if first in _FEMININE else Article.MASCULINE
    return Article.NONE


def article_of(name: str, stored: str | None) -> Article:
    """The stored article, or the default when none is stored (or it is unknown)."""
    try:
        return Article(stored) if stored else default_article(name)
    except ValueError:
        return default_article(name)


def stored_article(name: str, chosen: Article) -> str | None:
    """What to keep: None while the choice is the default, so that a renamed employer
    follows its new name; the choice itself when the user corrected it."""
    return None if chosen is default_article(name) else chosen.value


def check_article(value: str | None) -> str | None:
    """An article the store may hold (a loaded file may carry anything)."""
    if value is None or value in {article.value for article in Article}:
        return value
    raise ValidationError(
        f"L'article « {value} » n'est pas connu : choisissez la, le, l', les ou aucun.",
        field="article",
    )


@dataclass(frozen=True)
class EmployerName:
    """An employer's name with its article, in the forms a sentence needs."""

    name: str
    article: Article

    @property
    def subject(self) -> str:
        """ "la Région des Pays de la Loire", "l'Eurométropole", "Nantes Métropole"."""
        return self._with("", "la ", "le ", "l'", "les ")

    @property
    def to(self) -> str:
        """ "à la Région…", "au Centre de gestion…", "à l'Eurométropole", "aux Services…"."""
        return self._with("à ", "à la ", "au ", "à l'", "aux ")

    @property
    def of(self) -> str:
        """ "de la Région…", "du Département…", "de l'Eurométropole", "d'Angers Loire
        Métropole"."""
        bare = "d'" if self.name.casefold().startswith(_VOWELS) else "de "
        return self._with(bare, "de la ", "du ", "de l'", "des ")

    @property
    def sentence_start(self) -> str:
        """The subject at the start of a sentence: "La Région…", "L'Eurométropole…"."""
        subject = self.subject
        return subject[:1].upper() + subject[1:]

    def _with(self, bare: str, feminine: str, masculine: str, elided: str, plural: str) -> str:
        prefix = {
            Article.NONE: bare,
            Article.FEMININE: feminine,
            Article.MASCULINE: masculine,
            Article.ELIDED: elided,
            Article.PLURAL: plural,
        }[self.article]
        return f"{prefix}{self.name}"


def employer_name(name: str, stored: str | None = None) -> EmployerName:
    """`name` (spaces tidied) with its stored article or the default one."""
    tidy = " ".join(name.split())
    return EmployerName(tidy, article_of(tidy, stored))
