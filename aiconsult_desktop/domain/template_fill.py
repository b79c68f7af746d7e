"""Statement templates that speak for whichever union uses the app.

The built-in templates carry markers instead of a union's name; they are filled in when
a template is shown or inserted, from the organisation set in Paramètres and, when the
statement belongs to a meeting, its body and employer:

- `{sigle}`: the organisation's short name (« CFDT »), else its name;
- `{organisation}`: its full name;
- `{instance}`: the meeting's body (« CST »), else « comité »;
- `{employeur}`: the employer's name with its article (« la Région des Pays de la
  Loire », « le Département de la Sarthe », « l'Eurométropole »), else « l'autorité
  territoriale »; « à {employeur} » and « de {employeur} » contract (« au Centre de
  gestion », « du Département »), as `domain.employer_names` says.

Only these exact markers are replaced: a brace typed by a user stays as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiconsult_desktop.domain.employer_names import Article, EmployerName, employer_name

NO_EMPLOYER = EmployerName("autorité territoriale", Article.ELIDED)
"""Who a template speaks to when its statement belongs to no meeting."""


@dataclass(frozen=True)
class TemplateContext:
    """Who speaks and where: what fills a template's markers."""

    organisation_name: str = ""
    organisation_short_name: str = ""
    body_name: str = ""
    employer_name: str = ""
    employer_article: str | None = None
    """As the employer stores it (None: the default its name calls for)."""


def fill_template(text: str, context: TemplateContext) -> str:
    """`text` with its markers replaced for this organisation, body and employer."""
    short = context.organisation_short_name.strip() or context.organisation_name.strip()
    employer = (
        employer_name(context.employer_name, context.employer_article)
        if context.employer_name.strip()
        else NO_EMPLOYER
    )
    values = {
        "{sigle}": short,
        "{organisation}": context.organisation_name.strip() or short,
        "{instance}": context.body_name.strip() or "comité",
        # The prepositions first: « à le Centre » must read « au Centre ».
        "à {employeur}": employer.to,
        "de {employeur}": employer.of,
        "{employeur}": employer.subject,
    }
    for marker, value in values.items():
        text = text.replace(marker, value)
    return text.replace("élu·es  ", "élu·es ")
