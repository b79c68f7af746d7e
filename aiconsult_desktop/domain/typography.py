"""French typography for every document the app writes, and for the screen that shows one.

One module, used by each exporter (statement, meeting pack, questions register, and the
tool and dossier documents to come) and by the widgets that preview a document's text:
call `typeset` on running text and `typeset_title` on a title. What is stored is never
changed; typography is applied when the text leaves the app.

What it does, as a French typesetter would (Imprimerie nationale, *Lexique des règles
typographiques*):

- a narrow no-break space (U+202F) before « ; : ! ? » and inside « », so that « : » or
  « » » never starts a line;
- a no-break space (U+00A0) after « n° », « art. », « p. » and « § » and before the
  number's word in « 15 jours », « 3 agents », « 20 % », and between a day, its month and
  its year (« 5 juin 2025 »), so that a date is never broken across lines;
- a no-break space before a dash of incise (« … ? — Posée le »), which never starts a
  line;
- the typographic apostrophe (’) after a letter (« l’IA », « aujourd’hui »).

Text that is not prose is left alone: a colon inside « 14:30 » or « https://… », a « ? »
inside an address.
"""

from __future__ import annotations

import re

NNBSP = "\u202f"
"""Narrow no-break space: before ; : ! ? and inside « »."""
NBSP = "\u00a0"
"""No-break space: « n° 24 », « 15 jours », « 5 juin 2025 »."""
APOSTROPHE = "\u2019"

_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_SPACES = "[ \t\u00a0\u202f\u2009]"
# Before ; ! ? : a non-space that is not itself such a sign (« ?! » stays together), then
# the sign followed by the end, a space or closing punctuation (not « 14:30 », « ?q= »).
_BEFORE_SIGN = re.compile(
    rf"(?<=[^\s;:!?«(\[\]]){_SPACES}*([;:!?])(?=$|[\s»)\].,;:!?…\"”])", re.MULTILINE
)
_AFTER_OPENING = re.compile(rf"«{_SPACES}*")
_BEFORE_CLOSING = re.compile(rf"(?<=\S){_SPACES}*»")
_NUMERO = re.compile(rf"\b([Nn]°|[Nn]os?\.|[Aa]rt\.|[Aa]rticles?|p\.|§){_SPACES}+(?=\d)")
_DAY_MONTH = re.compile(rf"\b(1er|\d{{1,2}}){_SPACES}+(?=(?:{_MONTHS})\b)", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTHS}){_SPACES}+(?=\d{{4}}\b)", re.IGNORECASE)
# A number and the word it counts (« 15 jours », « 3 agents », « 20 % », « 8 h »).
_NUMBER_WORD = re.compile(rf"(?<![\w.,:/])(\d+(?:[{NNBSP},.]\d+)*){_SPACES}+(?=[a-zà-ÿœæ%€$])")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'")
_BEFORE_DASH = re.compile(rf"(?<=\S){_SPACES}+(?=[—–] )")


def typeset(text: str, before: str = "") -> str:
    """`text` with French spaces and apostrophes.

    `before` is the text that precedes it on the same line (the previous run of a
    paragraph written in several formats): its last character decides whether « : » at
    the start of `text` takes a narrow space.
    """
    if not text:
        return text
    context = before[-1:] if before and not before[-1].isspace() else ""
    result = context + text
    result = _APOSTROPHE.sub(APOSTROPHE, result)
    result = _AFTER_OPENING.sub("«" + NNBSP, result)
    result = _BEFORE_CLOSING.sub(NNBSP + "»", result)
    result = _BEFORE_SIGN.sub(lambda m: NNBSP + m.group(1), result)
    result = _NUMERO.sub(lambda m: m.group(1) + NBSP, result)
    result = _DAY_MONTH.sub(lambda m: m.group(1) + NBSP, result)
    result = _MONTH_YEAR.sub(lambda m: m.group(1) + NBSP, result)
    result = _NUMBER_WORD.sub(lambda m: m.group(1) + NBSP, result)
    result = _BEFORE_DASH.sub(NBSP, result)
    return result[len(context) :]


def typeset_title(text: str) -> str:
    """A title set in capitals: typeset, then upper case (the spaces survive it)."""
    return typeset(text).upper()


def glue_spans(texts: list[str]) -> list[str]:
    """Move the spaces at the boundary of two runs to the side where `typeset` sees them.

    A paragraph written in several formats (« **réponse** : ») is typeset run by run;
    the space before « : » belongs with the colon, the space after « « » with the
    guillemet, so each is replaced in the run that holds its sign.
    """
    texts = list(texts)
    for index in range(len(texts) - 1):
        left, right = texts[index], texts[index + 1]
        stripped = left.rstrip()
        if stripped != left and right[:1] in (";", ":", "!", "?", "»"):
            texts[index], texts[index + 1] = stripped, left[len(stripped) :] + right
        elif left.endswith("«") and right[:1].isspace():
            texts[index + 1] = right.lstrip()
            texts[index] = left + right[: len(right) - len(texts[index + 1])]
    return texts
