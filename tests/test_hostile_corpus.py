"""A fixed corpus of hostile input through every CLI command and the services behind it.

Each input is either accepted (and then everything reads back: lists, deadlines, dump)
or refused with a French sentence (no English, no "Erreur inattendue", no traceback, no
double full stop) that changed nothing: the dump before and after is the same. The CLI
refuses with a non-zero exit code (1, or 2 for wrong arguments), never 3.

Failures are collected and reported together, so one run shows every weak spot.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from aiconsult_desktop import cli
from aiconsult_desktop.context import open_user_store
from aiconsult_desktop.domain.ai_tools import LifeStage
from aiconsult_desktop.domain.enums import BodyKind, MeetingKind, StatementKind
from aiconsult_desktop.domain.question_state import EventKind
from aiconsult_desktop.errors import UserError
from aiconsult_desktop.paths import DATABASE_FILE
from aiconsult_desktop.services import (
    ai_register,
    ai_tools,
    backups,
    body_rules,
    calendar_import,
    deadlines,
    dossiers,
    employers,
    legal_grounds,
    meetings,
    organisation,
    question_events,
    question_exports,
    question_lookalikes,
    questions,
    server_config,
    statement_settings,
    statement_templates,
    statement_versions,
    statements,
    transfer,
)
from aiconsult_desktop.services.ai_records import AiToolData, LifeEventData
from aiconsult_desktop.services.calendar_ics import export_calendar
from aiconsult_desktop.services.demo import load_demo
from aiconsult_desktop.services.exports import export_statement
from aiconsult_desktop.services.pack_export import export_meeting_pack
from aiconsult_desktop.services.records import (
    AgendaItemData,
    BodyData,
    DossierData,
    EmployerData,
    MeetingData,
    OrganisationData,
    QuestionData,
    QuestionEventData,
    StatementData,
)
from aiconsult_desktop.services.statement_records import LegalGroundData
from aiconsult_desktop.store import Store
from tests.helpers import french_problems

TEXTS = [
    "",
    "\u200b\u200d\ufeff",
    "Nom\udfff",
    "\x00\x01\x1b\x7f\ufffe",
    "\u202eésreveR\u0301",
    'NEAR("a" b) * ^ \' OR 1=1 --',
    "=cmd|' /C calc'!A0",
    "é" * 600,
    "🙂" * 300,
    "a\r\nb\x0bc\x0cd\u2028e",
]
IDS = [0, -1, 2**31, 2**63, 2**64]
DATES = [date(1, 1, 1), date(1899, 12, 31), date(2201, 1, 1), date(9999, 12, 31)]
NAMES = ["", " ", "a" * 300 + ".docx", "dossier", "absent/x.docx"]

ENVELOPE = {"format": "aiconsult-desktop", "format_version": 1}
JSON_FILES: list[bytes] = [
    b"",
    b"\xff\xfe{\x00",
    b'{"format": ',
    b"[" * 50_000 + b"]" * 50_000,
    b"null",
    b'{"format": NaN}',
    b"1e999999",
    json.dumps({**ENVELOPE, "format_version": "1"}).encode(),
    json.dumps({**ENVELOPE, "employers": {"id": 1}}).encode(),
    json.dumps({**ENVELOPE, "employers": [1]}).encode(),
    json.dumps({**ENVELOPE, "employers": [{"id": 1, "name": ["x"]}]}).encode(),
    json.dumps({**ENVELOPE, "employers": [{"id": 1, "name": "x", "nom": "y"}]}).encode(),
    json.dumps({**ENVELOPE, "employers": [{"id": 2**63, "name": "x"}]}).encode(),
    json.dumps({**ENVELOPE, "employers": [{"id": -(2**63) - 1, "name": "x"}]}).encode(),
    json.dumps({**ENVELOPE, "employers": [{"id": 1.5, "name": "x"}]}).encode(),
    json.dumps({**ENVELOPE, "employers": [{"id": 1, "name": "\ud800"}]}).encode(),
    b'{"format": "aiconsult-desktop", "format_version": 1, "employers": [{"id": 1, "name": '
    + b"[" * 5_000
    + b"]" * 5_000
    + b"}]}",
    json.dumps(
        {
            **ENVELOPE,
            "employers": [{"id": 1, "name": "Région"}],
            "meetings": [
                {"id": 1, "employer_id": 1, "kind": "plenary", "title": "CST", "starts_at": s}
                for s in ("9999-12-31T23:59:59",)
            ],
        }
    ).encode(),
    json.dumps(
        {
            **ENVELOPE,
            "employers": [{"id": 1, "name": "Région"}],
            "questions": [
                {"id": 1, "employer_id": 1, "text": "Q ?", "asked_on": d, "state": "pending"}
                for d in ("0001-01-01", "2025-02-30", "2025-06-05T10:00")
            ],
        }
    ).encode(),
    json.dumps(
        {
            **ENVELOPE,
            "questions": [{"id": 1, "employer_id": 99, "text": "Q", "asked_on": "2025-06-05"}],
        }
    ).encode(),
    json.dumps(
        {
            **ENVELOPE,
            "employers": [{"id": 1, "name": "Région"}],
            "questions": [
                {"id": 1, "employer_id": 1, "text": "Q", "asked_on": "2025-06-05", "state": "x"}
            ],
        }
    ).encode(),
]


def _ics(*lines: str) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//x//FR"]
    event = ["BEGIN:VEVENT", "UID:corpus-1", "SUMMARY:CST du jour", *lines, "END:VEVENT"]
    return "\r\n".join([*head, *event, "END:VCALENDAR", ""]).encode()


ICS_FILES: list[bytes] = [
    b"",
    b"pas un calendrier",
    b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * 3_000,
    _ics("DTSTART:00010101T100000"),
    _ics("DTSTART:99991231T230000Z"),
    _ics("DTSTART:99991231T100000", "DURATION:PT23H"),
    _ics("DTSTART:20250605T090000", "DURATION:P99999999D"),
    _ics("DTSTART;VALUE=PERIOD:20250605T090000Z/20250605T120000Z"),
    _ics("DTSTART;VALUE=PERIOD:20250605T090000/PT2H"),
    _ics("DTSTART;VALUE=DATE:99991231", "DTEND;VALUE=DATE:00010101"),
    _ics("DTSTART:20250229T100000"),
    _ics("DTSTART;TZID=Nulle/Part:20250605T090000"),
    _ics("DTSTART:20250605T090000", "DTEND:20250605T080000"),
    _ics("DTSTART:20250605T090000", "RRULE:FREQ=SOUDAIN;COUNT=-1"),
    _ics("DTEND:20250605T090000"),
    _ics("DTSTART:20250605T090000").replace(b"CST du jour", b"CST \xed\xa0\x80 \x00"),
    _ics("DTSTART:20250605T090000").replace(b"CST du jour", b"\xe2\x80\x8b"),
]


@pytest.fixture
def demo(store: Store) -> dict[str, int]:
    load_demo(store)
    employer = employers.list_employers(store)[0]
    meeting = next(m for m in meetings.list_meetings(store) if m.body_id is not None)
    statement = statements.list_statements(store)[0]
    question = questions.list_questions(store)[0]
    assert employer.id and meeting.id and statement.id and question.id
    return {
        "employer": employer.id,
        "body": employer.bodies[0].id or 0,
        "meeting": meeting.id,
        "statement": statement.id,
        "question": question.id,
    }


def read_everything(store: Store) -> None:
    """What the window and the exports read: an accepted input must not break any."""
    today = date.today()
    employers.list_employers(store)
    meetings.list_meetings(store)
    questions.list_questions(store)
    questions.count_open_questions(store)
    statements.list_statements(store)
    dossiers.list_dossiers(store)
    deadlines.upcoming(store, today)
    deadlines.reminders(store, today)


def contents(database: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every row of every table, read straight from the file: the dump's content, and
    more (tables the JSON dump leaves out too), fast enough to take around every call."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as base:
        names = [
            n
            for (n,) in base.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name"
            )
        ]
        return [(n, base.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall()) for n in names]


class Corpus:
    """Runs hostile calls, keeps every failure for one report."""

    def __init__(self, store: Store) -> None:
        assert store.path is not None
        self.store, self.database = store, store.path
        self.failures: list[str] = []
        self.refused = 0
        self.before = contents(self.database)

    def attempt(self, label: str, call: Callable[[], object]) -> None:
        try:
            call()
        except UserError as error:
            self.refused += 1
            for problem in french_problems(error.message):
                self.failures.append(f"{label}: {problem}: {error.message!r}")
            if contents(self.database) != self.before:
                self.failures.append(f"{label}: refused, but the base changed")
                self.before = contents(self.database)
            return
        except Exception as error:  # the bug this corpus hunts
            self.failures.append(f"{label}: {type(error).__name__}: {str(error)[:200]}")
            self.before = contents(self.database)
            return
        self.before = contents(self.database)
        try:
            read_everything(self.store)
        except Exception as error:
            self.failures.append(f"{label}: accepted, then {type(error).__name__}: {error}")

    def check(self) -> None:
        assert not self.failures, "\n".join(self.failures)
        assert self.refused, "the corpus refused nothing: it tests nothing"


def test_services_with_hostile_text(store: Store, demo: dict[str, int]) -> None:
    corpus = Corpus(store)
    e, m, q, s = demo["employer"], demo["meeting"], demo["question"], demo["statement"]
    day = datetime(2025, 9, 1, 9, 30)
    calls: dict[str, Callable[[str], object]] = {
        "employer name": lambda t: employers.save_employer(store, EmployerData(name=t)),
        "employer short": lambda t: employers.save_employer(
            store, EmployerData(name="Département", short_name=t)
        ),
        "body name": lambda t: employers.save_employer(
            store, replace(employers.get_employer(store, e), bodies=[BodyData(BodyKind.CST, t)])
        ),
        "find employer": lambda t: employers.find_employer(store, t),
        "meeting title": lambda t: meetings.save_meeting(
            store, MeetingData(employer_id=e, kind=MeetingKind.PLENARY, title=t, starts_at=day)
        ),
        "meeting place, notes, agenda": lambda t: meetings.save_meeting(
            store,
            MeetingData(
                employer_id=e,
                kind=MeetingKind.INFORMATION,
                title="Réunion",
                starts_at=day,
                place=t,
                notes=t,
                agenda=[AgendaItemData(title=t)],
                ics_uid=t,
            ),
        ),
        "question text": lambda t: questions.save_question(
            store, QuestionData(employer_id=e, text=t, asked_on=day.date())
        ),
        "question answer": lambda t: questions.save_question(
            store, replace(questions.get_question(store, q), answer=t)
        ),
        "pasted questions": lambda t: questions.add_questions(
            store, QuestionData(employer_id=e, text="", asked_on=day.date()), [t, "Et après ?"]
        ),
        "question search": lambda t: questions.list_questions(store, text=t),
        "similar questions": lambda t: question_lookalikes.similar_questions(
            store, e, t + " calendrier IA"
        ),
        "event text": lambda t: question_events.save_event(
            store,
            QuestionEventData(question_id=q, kind=EventKind.ANSWERED, on=date.today(), text=t),
        ),
        "statement title": lambda t: statements.save_statement(
            store, StatementData(meeting_id=m, kind=StatementKind.INTERVENTION, title=t)
        ),
        "statement text": lambda t: statements.save_statement(
            store, replace(statements.get_statement(store, s), text=t)
        ),
        "statement exported": lambda t: export_statement(
            store,
            statements.save_statement(
                store, replace(statements.get_statement(store, s), title=t or "Titre", text=t)
            ).id
            or 0,
            Path(store.path or ".").parent / "declaration.docx",
        ),
        "pack exported": lambda t: export_meeting_pack(
            store,
            meetings.save_meeting(
                store, replace(meetings.get_meeting(store, m), agenda=[AgendaItemData(title=t)])
            ).id
            or 0,
            Path(store.path or ".").parent / "dossier.docx",
        ),
        "dossier": lambda t: dossiers.save_dossier(store, DossierData(title=t, description=t)),
        "organisation": lambda t: organisation.save_organisation(
            store, OrganisationData(name=t, short_name=t, signature=t, place=t)
        ),
        "legal ground": lambda t: legal_grounds.save_legal_ground(
            store, LegalGroundData(label=t, reference=t, summary=t)
        ),
        "template": lambda t: statement_templates.save_as_template(
            store, t, t, StatementKind.INTERVENTION
        ),
        "ai tool": lambda t: ai_tools.save_tool(
            store, AiToolData(employer_id=e, name=t, vendor=t, purpose=t, notes=t)
        ),
        "server": lambda t: server_config.validated(
            server_config.ServerSettings(host=t, database=t, user=t)
        ),
        "letterhead": lambda t: statement_settings.set_letterhead(store, Path(t or ".") / "x.docx"),
        "register state": lambda t: question_exports.parse_state(t),
        "register employer": lambda t: question_exports.export_questions(
            store, Path(store.path or ".").parent / "r.csv", employer_name=t
        ),
    }
    for label, call in calls.items():
        for text in TEXTS:
            corpus.attempt(f"{label} {text[:12]!r}", lambda call=call, text=text: call(text))
    corpus.check()


def test_services_with_hostile_ids_and_dates(store: Store, demo: dict[str, int]) -> None:
    e, m, q = demo["employer"], demo["meeting"], demo["question"]
    out = Path(store.path or ".").parent
    tool = ai_tools.save_tool(store, AiToolData(employer_id=e, name="Outil du corpus"))
    corpus = Corpus(store)
    by_id: dict[str, Callable[[int], object]] = {
        "get employer": lambda i: employers.get_employer(store, i),
        "delete employer": lambda i: employers.delete_employer(store, i),
        "get meeting": lambda i: meetings.get_meeting(store, i),
        "delete meeting": lambda i: meetings.delete_meeting(store, i),
        "get question": lambda i: questions.get_question(store, i),
        "delete question": lambda i: questions.delete_question(store, i),
        "get statement": lambda i: statements.get_statement(store, i),
        "reopen statement": lambda i: statements.reopen_statement(store, i),
        "delete statement": lambda i: statements.delete_statement(store, i),
        "versions": lambda i: statement_versions.list_versions(store, i),
        "restore version": lambda i: statements.restore_version(store, demo["statement"], i),
        "events": lambda i: question_events.list_events(store, i),
        "delete event": lambda i: question_events.delete_event(store, i),
        "relance": lambda i: question_events.mark_asked_again(store, [i], None, date.today()),
        "relance list": lambda i: questions.relance_list(store, i),
        "dossier": lambda i: dossiers.delete_dossier(store, i),
        "template": lambda i: statement_templates.get_template(store, i),
        "ground": lambda i: legal_grounds.delete_legal_ground(store, i),
        "meetings of": lambda i: meetings.list_meetings(store, employer_id=i),
        "question employer": lambda i: questions.save_question(
            store, QuestionData(employer_id=i, text="Q ?", asked_on=date(2025, 6, 5))
        ),
        "question meeting": lambda i: questions.save_question(
            store, QuestionData(employer_id=e, text="Q ?", asked_on=date(2025, 6, 5), meeting_id=i)
        ),
        "meeting body": lambda i: meetings.save_meeting(
            store,
            MeetingData(
                employer_id=e,
                kind=MeetingKind.PLENARY,
                title="CST",
                starts_at=datetime(2025, 9, 1),
                body_id=i,
            ),
        ),
        "statement meeting": lambda i: statements.save_statement(
            store, StatementData(meeting_id=i, kind=StatementKind.MOTION, title="Motion")
        ),
        "export statement": lambda i: export_statement(store, i, out / "d.docx"),
        "export pack": lambda i: export_meeting_pack(store, i, out / "p.docx"),
        "export calendar": lambda i: export_calendar(store, out / "c.ics", employer_id=i),
        "ai tool": lambda i: ai_register.get_tool(store, i),
        "ai tool employer": lambda i: ai_tools.save_tool(
            store, AiToolData(employer_id=i, name="Outil")
        ),
        "ai tool event": lambda i: ai_tools.save_event(
            store, LifeEventData(tool_id=i, stage=next(iter(LifeStage)), on=date(2025, 6, 12))
        ),
        "body rules": lambda i: body_rules.get_body_rules(store, i),
        "server port": lambda i: server_config.validated(
            server_config.ServerSettings(host="serveur", user="ana", port=i)
        ),
        "words per minute": lambda i: statement_settings.set_words_per_minute(store, i),
        "import for": lambda i: calendar_import.apply_import(
            store, calendar_import.read_invitation_bytes(store, _ics("DTSTART:20250605T090000")), i
        ),
    }
    for label, call in by_id.items():
        for number in IDS:
            corpus.attempt(f"{label} {number}", lambda call=call, number=number: call(number))
    by_date: dict[str, Callable[[date], object]] = {
        "meeting start": lambda d: meetings.save_meeting(
            store,
            MeetingData(employer_id=e, kind=MeetingKind.PLENARY, title="CST", starts_at=_at(d)),
        ),
        "meeting end": lambda d: meetings.save_meeting(
            store,
            MeetingData(
                employer_id=e,
                kind=MeetingKind.PLENARY,
                title="CST",
                starts_at=datetime(2025, 9, 1),
                ends_at=_at(d),
            ),
        ),
        "minutes received": lambda d: meetings.save_meeting(
            store, replace(meetings.get_meeting(store, m), minutes_received_on=d)
        ),
        "question asked": lambda d: questions.save_question(
            store, replace(questions.get_question(store, q), asked_on=d)
        ),
        "event day": lambda d: question_events.save_event(
            store, QuestionEventData(question_id=q, kind=EventKind.ANSWER_PROMISED, on=d)
        ),
        "promised for": lambda d: question_events.save_event(
            store,
            QuestionEventData(
                question_id=q, kind=EventKind.ANSWER_PROMISED, on=date.today(), promised_for=d
            ),
        ),
        "relance day": lambda d: question_events.mark_asked_again(store, [q], None, d),
        "statement read": lambda d: statements.save_statement(
            store, replace(statements.get_statement(store, demo["statement"]), read_on=d)
        ),
        "ai tool day": lambda d: ai_tools.save_event(
            store, LifeEventData(tool_id=tool, stage=next(iter(LifeStage)), on=d)
        ),
        "calendar since": lambda d: export_calendar(store, out / "c.ics", since=d),
    }
    for label, call in by_date.items():
        for day in DATES:
            corpus.attempt(f"{label} {day}", lambda call=call, day=day: call(day))
    corpus.check()


def _at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def test_services_with_hostile_files(tmp_path: Path, store: Store, demo: dict[str, int]) -> None:
    corpus = Corpus(store)
    folder = tmp_path / "dossier"
    folder.mkdir()
    for number, raw in enumerate(JSON_FILES):
        path = tmp_path / f"charge-{number}.json"
        path.write_bytes(raw)
        empty = Corpus(open_user_store(tmp_path / f"vide-{number}"))
        empty.attempt(
            f"load file n° {number}", lambda path=path, s=empty.store: transfer.load_file(s, path)
        )
        empty.store.close()
        corpus.failures += empty.failures
    corpus.attempt("load a folder", lambda: transfer.load_file(store, folder))
    settings = tmp_path / "réglages"
    settings.mkdir()
    for number, raw in enumerate(JSON_FILES):
        (settings / server_config.CONFIG_FILE).write_bytes(raw)
        corpus.attempt(
            f"server settings n° {number}", lambda: server_config.load_settings(settings)
        )
    for number, raw in enumerate(JSON_FILES[:4]):
        path = tmp_path / f"sauvegarde-{number}.sqlite3"
        path.write_bytes(raw)
        corpus.attempt(
            f"restore n° {number}", lambda path=path: backups.restore_backup(store, path)
        )
    corpus.attempt("restore a folder", lambda: backups.restore_backup(store, folder))
    for number, raw in enumerate(ICS_FILES):
        corpus.attempt(
            f"ics n° {number}",
            lambda raw=raw: calendar_import.apply_import(
                store, calendar_import.read_invitation_bytes(store, raw), demo["employer"]
            ),
        )
    for name in NAMES:
        target = folder.parent / name if name != "dossier" else folder
        if name == "":
            target = Path("")
        writers: dict[str, Callable[[Path], object]] = {
            "dump": lambda p: transfer.dump_to_file(store, p),
            "statement": lambda p: export_statement(store, demo["statement"], p),
            "pack": lambda p: export_meeting_pack(store, demo["meeting"], p),
            "register": lambda p: question_exports.export_questions(
                store, p.with_name(p.name + ".csv") if p.name else p
            ),
            "calendar": lambda p: export_calendar(store, p),
        }
        for label, write in writers.items():
            corpus.attempt(
                f"{label} to {name[:20]!r}", lambda write=write, target=target: write(target)
            )
    corpus.check()


# --- The command line, in-process (same main() as the subprocess, much faster) ------


@contextlib.contextmanager
def _own_log_handlers() -> Iterator[None]:
    """main() adds a log file handler each call; drop them so calls do not pile up."""
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    with _own_log_handlers():
        try:
            code = cli.main(args)
        except SystemExit as stop:  # argparse refusing the arguments
            code = stop.code if isinstance(stop.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_with_hostile_arguments(
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli(["demo"], capsys)[0] == 0
    (tmp_path / "dossier").mkdir()
    for number, raw in enumerate(JSON_FILES):
        (tmp_path / f"f{number}.json").write_bytes(raw)
    for number, raw in enumerate(ICS_FILES):
        (tmp_path / f"f{number}.ics").write_bytes(raw)
    bad_ids = ["0", "-1", str(2**63), "²", "٣", "1e3", "", " 1", "9" * 5000]
    bad_words = ["", "\u200b", "chaises", "--", "-o", "é" * 600]
    bad_days = ["00/01/2025", "29/02/2025", "01/01/0001", "31/12/9999", "2025-13-01", "hier"]
    commands: list[list[str]] = [
        *[["list", w] for w in bad_words],
        ["list", "meetings", "--json", "--json=oui"],
        *[["export", "statement", i, "-o", "x.docx"] for i in bad_ids],
        *[["export", "meeting", i, "-o", "x.docx"] for i in bad_ids],
        *[["export", "tool", i, "-o", "x.docx"] for i in bad_ids],
        *[
            ["export", kind, "1", "-o", n]
            for kind in ("statement", "meeting", "tool")
            for n in NAMES
        ],
        *[["export", "tools", "-o", n] for n in [*NAMES, "registre.txt"]],
        *[["export", "tools", "--employer", w, "-o", "t.csv"] for w in bad_words],
        *[["list", "tools", "--employer", w] for w in bad_words],
        *[["export", "questions", "-o", n] for n in NAMES],
        *[["export", "questions", "--state", w, "-o", "r.csv"] for w in bad_words],
        *[["export", "questions", "--employer", w, "-o", "r.docx"] for w in bad_words],
        *[["export", "calendar", "--from", d, "-o", "c.ics"] for d in bad_days],
        *[["export", "calendar", "-o", n] for n in NAMES],
        *[["export", "calendar", "--employer", w, "-o", "c.ics"] for w in bad_words],
        *[["dump", "-o", n] for n in NAMES],
        *[["load", f"f{n}.json"] for n in range(len(JSON_FILES))],
        ["load", "dossier"],
        ["load", "absent.json"],
        *[["import", "calendar", f"f{n}.ics"] for n in range(len(ICS_FILES))],
        *[["import", "calendar", "f9.ics", "--employer", w] for w in bad_words],
        ["import", "calendar", "dossier"],
        *[["restore", f] for f in ("", "dossier", "absent.sqlite3", "f0.json", "f3.json")],
        ["demo"],
        *[
            ["--database-url", url, "list", "meetings"]
            for url in ("", "postgresql://u:secret@h:abc/db", "mysql://h/db", "postgresql://[::1")
        ],
    ]
    failures: list[str] = []
    refused = 0
    for args in commands:
        label = " ".join(a[:20] for a in args)
        before = contents(data_dir / DATABASE_FILE)
        code, _out, err = run_cli(args, capsys)
        if code == 0:
            if err.strip():
                failures.append(f"{label}: success but stderr {err!r}")
            continue
        refused += 1
        if "secret" in err:
            failures.append(f"{label}: the password is repeated")
        if code not in (1, 2):
            failures.append(f"{label}: exit code {code}")
        failures += [f"{label}: {p}: {err[:300]!r}" for p in french_problems(err)]
        if contents(data_dir / DATABASE_FILE) != before:
            failures.append(f"{label}: refused, but the base changed")
    assert not failures, "\n".join(failures)
    assert refused > len(commands) // 2
