"""Services on a real SQLite store: what the GUI and the CLI both rely on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from aiconsult_desktop.domain.enums import (
    AgendaItemKind,
    BodyKind,
    MeetingKind,
    QuestionState,
    StatementKind,
)
from aiconsult_desktop.errors import ConflictError, UserError, ValidationError
from aiconsult_desktop.services import (
    demo,
    dossiers,
    employers,
    meetings,
    questions,
    statements,
)
from aiconsult_desktop.services.records import (
    AgendaItemData,
    BodyData,
    DossierData,
    EmployerData,
    MeetingData,
    QuestionData,
    StatementData,
)
from aiconsult_desktop.store import Store
from tests.helpers import small_dossier


def test_employer_with_bodies_is_created_updated_and_a_body_removed(db: Store) -> None:
    store = db
    saved = employers.save_employer(
        store,
        EmployerData(
            name="Région des Pays de la Loire",
            bodies=[BodyData(BodyKind.CST, "CST"), BodyData(BodyKind.CAP, "CAP catégorie A")],
        ),
    )
    assert sorted(b.name for b in saved.bodies) == ["CAP catégorie A", "CST"]
    cst = next(b for b in saved.bodies if b.kind is BodyKind.CST)
    updated = employers.save_employer(store, replace(saved, bodies=[cst]))
    assert [b.name for b in updated.bodies] == ["CST"]
    assert updated.bodies[0].id == cst.id


def test_duplicate_employer_name_is_refused_whatever_the_case(db: Store) -> None:
    store = db
    employers.save_employer(store, EmployerData(name="Ville de Nantes"))
    with pytest.raises(ValidationError, match="existe déjà"):
        employers.save_employer(store, EmployerData(name="ville de nantes"))


def test_deleting_an_employer_with_questions_is_refused_then_cascades_on_confirmation(
    db: Store,
) -> None:
    store = db
    ids = small_dossier(store)
    with pytest.raises(UserError, match="a encore 1 réunion, 1 question, 1 déclaration"):
        employers.delete_employer(store, ids["employer"])
    assert len(questions.list_questions(store)) == 1
    employers.delete_employer(store, ids["employer"], cascade=True)
    assert employers.list_employers(store) == []
    assert questions.list_questions(store) == []
    assert statements.list_statements(store) == []


def test_a_body_used_by_a_meeting_cannot_be_removed(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    employer = employers.get_employer(store, ids["employer"])
    with pytest.raises(UserError, match="ne peut pas être retirée"):
        employers.save_employer(
            store, replace(employer, bodies=[b for b in employer.bodies if b.name != "CST"])
        )
    assert len(employers.get_employer(store, ids["employer"]).bodies) == 2


def test_meeting_agenda_is_kept_in_order_and_edited(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    meeting.agenda = [
        AgendaItemData("Approbation du procès-verbal", AgendaItemKind.OPINION, 1),
        AgendaItemData("Déploiement de l'outil d'IA générative", AgendaItemKind.INFORMATION, 2),
    ]
    saved = meetings.save_meeting(store, meeting)
    assert [(a.position, a.title) for a in saved.agenda] == [
        (1, "Approbation du procès-verbal"),
        (2, "Déploiement de l'outil d'IA générative"),
    ]
    saved.agenda = [replace(saved.agenda[1], position=1)]
    again = meetings.save_meeting(store, saved)
    assert [(a.id, a.position) for a in again.agenda] == [(saved.agenda[0].id, 1)]


def test_meeting_ending_before_start_is_refused_and_previous_version_kept(
    db: Store,
) -> None:
    store = db
    ids = small_dossier(store)
    meeting = meetings.get_meeting(store, ids["meeting"])
    bad = replace(meeting, ends_at=datetime(2025, 6, 5, 8, 0), title="Modifié")
    with pytest.raises(ValidationError, match="se termine avant de commencer"):
        meetings.save_meeting(store, bad)
    assert meetings.get_meeting(store, ids["meeting"]).title == "CST du 5 juin 2025"


def test_meetings_are_listed_by_date(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    meetings.save_meeting(
        store,
        MeetingData(
            employer_id=ids["employer"],
            kind=MeetingKind.INFORMATION,
            title="Réunion d'information",
            starts_at=datetime(2025, 5, 15, 14, 0),
        ),
    )
    assert [m.title for m in meetings.list_meetings(store)] == [
        "Réunion d'information",
        "CST du 5 juin 2025",
    ]


def test_deleting_a_meeting_with_statements_needs_confirmation(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    with pytest.raises(UserError, match="1 déclaration"):
        meetings.delete_meeting(store, ids["meeting"])
    meetings.delete_meeting(store, ids["meeting"], with_statements=True)
    assert statements.list_statements(store) == []
    # The question first put at that meeting stays, with its date.
    assert questions.get_question(store, ids["question"]).asked_on == date(2025, 6, 5)


def test_question_of_another_employers_meeting_is_refused(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    other = employers.save_employer(store, EmployerData(name="Ville de Lyon"))
    assert other.id is not None
    with pytest.raises(ValidationError, match="pas une réunion de cet employeur"):
        questions.save_question(
            store,
            QuestionData(
                employer_id=other.id, text="?", asked_on=date.today(), meeting_id=ids["meeting"]
            ),
        )


def test_questions_filter_by_state_and_text(db: Store) -> None:
    store = db
    demo.load_demo(store)
    first = questions.list_questions(store)[0]
    questions.save_question(store, replace(first, state=QuestionState.ANSWERED, answer="Oui."))
    open_states = {QuestionState.PENDING, QuestionState.PARTIAL}
    assert len(questions.list_questions(store, states=open_states)) == 11
    found = questions.list_questions(store, text="notation sociale")
    assert len(found) == 1 and "reconnaissance des émotions" in found[0].text


def test_a_hundred_kilobyte_question_is_refused_beyond_the_limit(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    with pytest.raises(ValidationError, match="trop longue"):
        questions.save_question(
            store,
            QuestionData(employer_id=ids["employer"], text="x" * 100_001, asked_on=date.today()),
        )


def test_a_one_megabyte_statement_with_pasted_control_characters_is_saved(
    db: Store,
) -> None:
    store = db
    ids = small_dossier(store)
    text = ("Paragraphe collé depuis Word\x0bavec saut\x00 ✊ عمال\n" * 20_000)[:1_000_000]
    saved = statements.save_statement(
        store,
        StatementData(
            meeting_id=ids["meeting"], kind=StatementKind.MOTION, title="Motion", text=text
        ),
    )
    stored = statements.get_statement(store, saved.id or 0).text
    assert "\x00" not in stored and "\x0b" not in stored
    assert stored.startswith("Paragraphe collé depuis Word\navec saut ✊ عمال\nParagraphe")
    assert len(stored) > 900_000


def test_two_people_editing_the_same_statement_keep_both_texts(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = db
    ids = small_dossier(store)
    mine = statements.get_statement(store, ids["statement"])
    theirs = statements.get_statement(store, ids["statement"])
    monkeypatch.setenv("AICONSULT_USER", "Marie")
    statements.save_statement(store, replace(theirs, text="Leur version."))
    monkeypatch.setenv("AICONSULT_USER", "Karim")
    with pytest.raises(ConflictError, match="modifiée par « Marie »") as refused:
        statements.save_statement(store, replace(mine, text="Ma version."))
    assert "copie" in refused.value.message
    saved = statements.get_statement(store, ids["statement"])
    assert saved.text == "Leur version."
    copies = [s for s in statements.list_statements(store) if s.id != ids["statement"]]
    assert [(c.text, c.title) for c in copies] == [
        ("Ma version.", "Intelligence artificielle (version de Karim non enregistrée)")
    ]


def test_a_stale_question_save_is_refused_with_who_and_when(
    db: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = db
    ids = small_dossier(store)
    mine = questions.get_question(store, ids["question"])
    monkeypatch.setenv("AICONSULT_USER", "Marie")
    questions.save_question(store, replace(mine, text="Leur question ?"))
    with pytest.raises(ConflictError, match="par « Marie » depuis que vous l'avez ouverte"):
        questions.save_question(store, replace(mine, text="Ma question ?"))
    assert questions.get_question(store, ids["question"]).text == "Leur question ?"


def test_statement_agenda_item_must_belong_to_its_meeting(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    with pytest.raises(ValidationError, match="n'appartient pas à cette réunion"):
        statements.save_statement(
            store,
            StatementData(
                meeting_id=ids["meeting"],
                kind=StatementKind.INTERVENTION,
                title="Titre",
                agenda_item_id=999,
            ),
        )


def test_dossier_deletion_keeps_its_questions(db: Store) -> None:
    store = db
    ids = small_dossier(store)
    dossier = dossiers.save_dossier(store, DossierData(title="Déploiement de l'IA"))
    question = questions.get_question(store, ids["question"])
    questions.save_question(store, replace(question, dossier_id=dossier.id))
    dossiers.delete_dossier(store, dossier.id or 0)
    assert questions.get_question(store, ids["question"]).dossier_id is None


def test_demo_reproduces_seed_001(db: Store) -> None:
    store = db
    demo.load_demo(store, example=False)  # the seed alone; the example has its own test
    assert [e.name for e in employers.list_employers(store)] == ["Région des Pays de la Loire"]
    dates = [m.starts_at.date() for m in meetings.list_meetings(store)]
    assert dates == [
        date(2024, 10, 3),
        date(2024, 12, 11),
        date(2025, 3, 1),
        date(2025, 5, 15),
        date(2025, 6, 5),
    ]
    of_may = [q for q in questions.list_questions(store) if q.asked_on == date(2025, 5, 15)]
    assert len(of_may) == 8 and all(q.state is QuestionState.PENDING for q in of_may)
    texts = {s.title: s.text for s in statements.list_statements(store)}
    assert any(
        "redevabilité[^1]" in t and "[^1]: Le terme de redevabilité" in t for t in texts.values()
    )
    interventions = [
        s for s in statements.list_statements(store) if s.kind is StatementKind.INTERVENTION
    ]
    assert len(interventions) == 2 and all(s.excerpt for s in interventions)
    with pytest.raises(UserError, match="déjà des données"):
        demo.load_demo(store)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("reconnaissance des emotions", 1),
        ("RECONNAISSANCE DES ÉMOTIONS", 1),
        ("psychosociaux", 1),
        ('"risques*', 1),
        ("(données)", 1),
        ("données AND", 0),
        ("", 12),
    ],
)
def test_text_search_ignores_accents_and_case_on_both_back_ends(
    db: Store, typed: str, expected: int
) -> None:
    demo.load_demo(db)
    assert len(questions.list_questions(db, text=typed)) == expected
