"""Export of a meeting pack of 50 statements of about two pages each (target: < 1 s).

Builds the statements in a temporary base (headings, lists, bold, a footnote each),
then times `export_meeting_pack` (store → Markdown blocks → Word). Prints figures;
asserts nothing. Run:
    .venv/bin/python benchmarks/export_pack.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiconsult_desktop.domain.enums import MeetingKind, StatementKind
from aiconsult_desktop.domain.markdown_parse import parse_markdown
from aiconsult_desktop.services import employers, meetings, organisation, statements
from aiconsult_desktop.services.pack_export import export_meeting_pack
from aiconsult_desktop.services.records import (
    AgendaItemData,
    EmployerData,
    MeetingData,
    OrganisationData,
    StatementData,
)
from aiconsult_desktop.store import open_store

SENTENCE = (
    "La CGT rappelle que le déploiement de l'intelligence artificielle dans les services "
    "doit faire l'objet d'une consultation **préalable** du comité, avec une étude "
    "d'impact sur les conditions de travail et la *santé* des agents. "
)


def two_pages(number: int) -> str:
    """About 900 words: two A4 pages in the default template."""
    parts = [f"# Point {number} : nos constats"]
    parts += [SENTENCE * 4 for _ in range(4)]
    parts.append("## Nos demandes")
    parts += [f"{i}. {SENTENCE.strip()}" for i in range(1, 6)]
    parts.append("")
    parts += [SENTENCE * 3 + "Voir la note[^1]." for _ in range(2)]
    parts.append("> « L'IA ne doit pas être le prétexte à des suppressions de postes. »")
    parts.append("")
    parts.append("[^1]: Règlement (UE) 2024/1689, art. 26, § 7.")
    return "\n".join(parts)


def build(folder: Path) -> tuple[object, int]:
    store = open_store(folder / "bench.sqlite3")
    organisation.save_organisation(
        store, OrganisationData(name="CGT Région", short_name="CGT", place="Nantes")
    )
    employer = employers.save_employer(store, EmployerData(name="Région des Pays de la Loire"))
    assert employer.id is not None
    meeting = meetings.save_meeting(
        store,
        MeetingData(
            employer_id=employer.id,
            kind=MeetingKind.PLENARY,
            title="CST du 5 juin 2025",
            starts_at=datetime(2025, 6, 5, 9, 30),
            agenda=[AgendaItemData(f"Point {i}", position=i) for i in range(1, 26)],
        ),
    )
    assert meeting.id is not None
    items = [item.id for item in meeting.agenda]
    for number in range(50):
        statements.save_statement(
            store,
            StatementData(
                meeting_id=meeting.id,
                agenda_item_id=items[number // 2],
                kind=StatementKind.INTERVENTION,
                title=f"Intervention {number + 1}",
                text=two_pages(number + 1),
            ),
        )
    return store, meeting.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        store, meeting_id = build(folder)
        text = two_pages(1)
        words = len(text.split())
        start = time.perf_counter()
        for _ in range(50):
            parse_markdown(text)
        parse_s = time.perf_counter() - start
        timings = []
        for run in range(args.runs):
            start = time.perf_counter()
            target = export_meeting_pack(store, meeting_id, folder / f"pack{run}.docx")  # type: ignore[arg-type]
            timings.append(time.perf_counter() - start)
        size = target.stat().st_size // 1024
        print(f"meeting pack: 50 statements of ~{words} words, {size} KiB .docx")
        print(f"  parse Markdown (50 statements): {parse_s * 1000:.0f} ms")
        print(
            f"  export: median {statistics.median(timings) * 1000:.0f} ms, "
            f"best {min(timings) * 1000:.0f} ms over {args.runs} runs (target < 1000 ms)"
        )


if __name__ == "__main__":
    main()
