"""Statement templates that speak for whichever union uses the app.

The built-in templates carry markers instead of a union's name; they are filled in when
a template is shown or inserted, from the organisation set in Paramètres and, when the
statement belongs to a meeting, its body and employer:

- `{sigle}`: the organisation's short name (« CFDT »), else its name;
- `{organisation}`: its full name;
- `{instance}`: the meeting's body (« CST »), else « comité »;
- `{employeur}`: the employer's name with its article (« la Région des Pays de la
  Loire », « le Département de la Sarthe », « l'Eurométropole »), else « l'autorité
  territoriale ».

Only these exact markers are replaced: a brace typed by a user stays as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

# French gender of the nouns that open an employer's name (collectivités, établissements).
_FEMININE = frozenset(
    {
        "région", "commune", "ville", "métropole", "communauté", "mairie", "collectivité",
        "préfecture", "direction", "agglomération", "caisse", "maison", "intercommunalité",
    }
)  # fmt: skip
_MASCULINE = frozenset(
    {
        "département", "conseil", "centre", "syndicat", "sdis", "ccas", "cdg", "cias",
        "pôle", "service", "groupement", "territoire", "cnfpt",
    }
)  # fmt: skip
_ELIDED = tuple("aeiouyhàâéèêëîïôöûüœAEIOUYHÀÂÉÈÊËÎÏÔÖÛÜŒ")


@dataclass(frozen=True)
class TemplateContext:
    """Who speaks and where: what fills a template's markers."""

    organisation_name: str = ""
    organisation_short_name: str = ""
    body_name: str = ""
    employer_name: str = ""


def with_article(name: str) -> str:
    """ "la Région des Pays de la Loire", "le Département du Rhône", "l'Eurométropole";
    the name alone when its first word says nothing of its gender."""
    name = " ".join(name.split())
    if not name:
        return ""
    first = name.split()[0].casefold()
    if name.startswith(_ELIDED) and first not in ("sdis", "ccas"):
        return f"l'{name}"
    if first in _FEMININE:
        return f"la {name}"
    if first in _MASCULINE:
        return f"le {name}"
    return name


def fill_template(text: str, context: TemplateContext) -> str:
    """`text` with its markers replaced for this organisation, body and employer."""
    short = context.organisation_short_name.strip() or context.organisation_name.strip()
    values = {
        "{sigle}": short,
        "{organisation}": context.organisation_name.strip() or short,
        "{instance}": context.body_name.strip() or "comité",
        "{employeur}": with_article(context.employer_name) or "l'autorité territoriale",
    }
    for marker, value in values.items():
        text = text.replace(marker, value)
    return text.replace("élu·es  ", "élu·es ")
