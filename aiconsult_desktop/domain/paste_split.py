"""Cutting a pasted list of questions into one question per item.

Users copy their questions from a Word document or an e-mail: numbered ("1)", "2.",
"a."), bulleted ("•", "–", "-"), or one per paragraph (seed 001's eight questions of
15 May 2025). Word and mail clients also wrap long items over several lines. The rules:

- when lines start with a list marker, each marker starts an item and the lines after
  it (wrapped text) belong to it; text before the first marker ending with ":" is an
  introduction and is dropped;
- otherwise blank lines separate items; with no blank line at all, each line is an
  item unless it is visibly cut (no final punctuation and the next line starts in
  lower case).
"""

from __future__ import annotations

import re

from aiconsult_desktop.domain.text import clean_text

MAX_ITEMS = 2_000

_MARKER = re.compile(
    r"""^\s*(?:
        (?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\s*[.)°]\s+   # 1)  2.  a.  b)  iv.
      | \(\s*(?:\d{1,3}|[a-zA-Z])\s*\)\s+               # (1)  (a)
      | [•◦▪▫●○■□➢➤►▶✓✔\u2022\u2023\u2043\u25e6*·\-–—]\s*  # bullets and dashes
      | Q\s*\d{1,3}\s*[.:)\-–]\s*                       # Q1 :
    )""",
    re.VERBOSE,
)
_ENDS_SENTENCE = re.compile(r"[?.!…»)\]:;]\s*$")


def _marker_length(line: str) -> int:
    found = _MARKER.match(line)
    if found is None or not line[found.end() :].strip():
        return 0
    return found.end()


def _join(lines: list[str]) -> str:
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


def split_pasted(text: str) -> list[str]:
    """One string per question, in order; an empty paste gives an empty list."""
    lines = clean_text(text).split("\n")
    if not any(line.strip() for line in lines):
        return []
    marked = [bool(_marker_length(line)) for line in lines if line.strip()]
    if marked[0] or sum(marked) >= 2:
        items = _split_marked(lines)
    elif any(not line.strip() for line in lines[1:-1]):
        items = _split_paragraphs(lines)
    else:
        items = _split_lines(lines)
    return [item for item in items if item][:MAX_ITEMS]


def _split_marked(lines: list[str]) -> list[str]:
    items: list[list[str]] = []
    preamble: list[str] = []
    for line in lines:
        length = _marker_length(line)
        if length:
            items.append([line[length:]])
        elif items:
            items[-1].append(line)
        else:
            preamble.append(line)
    intro = _join(preamble)
    result = [_join(item) for item in items]
    if intro and not intro.rstrip().endswith(":"):
        result.insert(0, intro)
    return result


def _split_paragraphs(lines: list[str]) -> list[str]:
    items: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            items[-1].append(line)
        elif items[-1]:
            items.append([])
    return [_join(item) for item in items]


def _split_lines(lines: list[str]) -> list[str]:
    items: list[str] = []
    cut = False
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if items and cut and line[0].islower():
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(" ".join(line.split()))
        cut = not _ENDS_SENTENCE.search(line)
    return items
