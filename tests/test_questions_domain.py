"""The questions register's pure rules: state from events, age text, paste splitter,
look-alike questions."""

from __future__ import annotations

from datetime import date

import pytest

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.paste_split import split_pasted
from aiconsult_desktop.domain.question_state import (
    Event,
    EventKind,
    age_text,
    check_events,
    derive,
    is_overdue,
)
from aiconsult_desktop.domain.similarity import look_alikes
from aiconsult_desktop.errors import ValidationError

K = EventKind
MAY = date(2025, 5, 15)


def ev(kind: EventKind, day: date, order: int = 0, **extra: object) -> Event:
    return Event(kind, day, order, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("events", "state"),
    [
        ([], QuestionState.PENDING),
        ([ev(K.ASKED, MAY)], QuestionState.PENDING),
        ([ev(K.ASKED, MAY), ev(K.ASKED_AGAIN, date(2025, 6, 5))], QuestionState.PENDING),
        ([ev(K.ASKED, MAY), ev(K.ANSWER_PROMISED, date(2025, 6, 5))], QuestionState.PROMISED),
        ([ev(K.ASKED, MAY), ev(K.PARTIAL_ANSWER, date(2025, 6, 5))], QuestionState.PARTIAL),
        ([ev(K.ASKED, MAY), ev(K.ANSWERED, date(2025, 6, 5))], QuestionState.ANSWERED),
        ([ev(K.ASKED, MAY), ev(K.REFUSED, date(2025, 6, 5))], QuestionState.REFUSED),
        ([ev(K.ASKED, MAY), ev(K.WITHDRAWN, date(2025, 6, 5))], QuestionState.WITHDRAWN),
        ([ev(K.ASKED, MAY), ev(K.OBSOLETE, date(2025, 6, 5))], QuestionState.OBSOLETE),
        # A relance after an answer found wanting reopens the question…
        (
            [
                ev(K.ASKED, MAY),
                ev(K.ANSWERED, date(2025, 6, 5)),
                ev(K.ASKED_AGAIN, date(2025, 9, 1)),
            ],
            QuestionState.PENDING,
        ),
        # …but keeps a partial answer partial.
        (
            [
                ev(K.ASKED, MAY),
                ev(K.PARTIAL_ANSWER, date(2025, 6, 5)),
                ev(K.ASKED_AGAIN, date(2025, 9, 1)),
            ],
            QuestionState.PARTIAL,
        ),
        # Date order wins over the order of entry (an answer entered before a relance).
        (
            [
                ev(K.ASKED, MAY, 1),
                ev(K.ANSWERED, date(2025, 12, 1), 2),
                ev(K.ASKED_AGAIN, date(2025, 6, 5), 3),
            ],
            QuestionState.ANSWERED,
        ),
        # Same day: the order of entry decides.
        (
            [ev(K.ASKED, MAY, 1), ev(K.ANSWER_PROMISED, MAY, 2), ev(K.ANSWERED, MAY, 3)],
            QuestionState.ANSWERED,
        ),
    ],
)
def test_state_is_derived_from_the_events(events: list[Event], state: QuestionState) -> None:
    assert derive(events).state is state


def test_correcting_or_removing_an_event_changes_the_state() -> None:
    asked = ev(K.ASKED, MAY, 1)
    answered = ev(K.ANSWERED, date(2025, 6, 5), 2, text="Oui.")
    assert derive([asked, answered]).state is QuestionState.ANSWERED
    assert derive([asked, answered]).answer == "Oui."
    # Corrected: it was only a partial answer.
    corrected = Event(K.PARTIAL_ANSWER, answered.on, 2, "Oui, en partie.")
    assert derive([asked, corrected]).state is QuestionState.PARTIAL
    # Removed: pending again, no answer.
    summary = derive([asked])
    assert (summary.state, summary.answer, summary.answered_on) == (QuestionState.PENDING, "", None)


def test_an_event_before_the_question_was_asked_is_refused_in_french() -> None:
    with pytest.raises(ValidationError, match="avant que la question soit posée"):
        check_events([ev(K.ASKED, MAY), ev(K.ANSWERED, date(2025, 5, 14))])
    with pytest.raises(ValidationError, match="enregistrez plutôt une relance"):
        check_events([ev(K.ASKED, MAY), ev(K.ASKED, date(2025, 6, 1))])
    with pytest.raises(ValidationError, match="supprimez plutôt la question"):
        check_events([ev(K.ANSWERED, MAY)])


def test_age_text_in_french_with_plurals() -> None:
    events = [
        ev(K.ASKED, MAY),
        ev(K.ASKED_AGAIN, date(2025, 6, 5)),
        ev(K.ASKED_AGAIN, date(2025, 10, 2)),
    ]
    summary = derive(events)
    assert age_text(summary, date(2026, 11, 20)) == (
        "posée le 15 mai 2025, sans réponse depuis 18 mois, relancée 2 fois"
    )
    once = derive(events[:2])
    assert age_text(once, date(2025, 5, 16)) == (
        "posée le 15 mai 2025, sans réponse depuis 1 jour, relancée 1 fois"
    )
    assert age_text(derive(events[:1]), MAY) == "posée le 15 mai 2025, sans réponse depuis 0 jour"
    answered = derive([ev(K.ASKED, MAY), ev(K.ANSWERED, date(2025, 7, 1))])
    assert (
        age_text(answered, date(2026, 1, 1)) == "posée le 15 mai 2025, répondue le 1er juillet 2025"
    )


def test_overdue_past_the_employers_deadline_only_while_unanswered() -> None:
    pending = derive([ev(K.ASKED, MAY)])
    assert not is_overdue(pending, 61, date(2025, 7, 15))
    assert is_overdue(pending, 61, date(2025, 7, 16))
    assert not is_overdue(pending, 90, date(2025, 7, 16))
    answered = derive([ev(K.ASKED, MAY), ev(K.ANSWERED, date(2025, 6, 1))])
    assert not is_overdue(answered, 61, date(2026, 1, 1))


# Paste splitter ---------------------------------------------------------------------------

SEED_MAY = (
    "Comment l'employeur prévoit-il d'informer et de consulter les représentants du "
    "personnel sur l'introduction et l'utilisation de systèmes d'IA ?\n\n"
    "Quels sont les mécanismes prévus pour garantir que les agents sont informés de "
    "l'utilisation de leurs données personnelles dans les systèmes d'IA ?\n\n"
    "Comment l'employeur compte-t-il exiger ou reconnaître les qualifications liées à "
    "l'utilisation de l'IA ?\n"
)


def test_one_question_per_paragraph_as_in_the_seed() -> None:
    items = split_pasted(SEED_MAY)
    assert len(items) == 3
    assert items[2].startswith("Comment l'employeur compte-t-il")


def test_word_numbering_with_wrapped_lines_and_an_introduction() -> None:
    pasted = (
        "Questions de la CGT :\r\n"
        "1) Quel est le coût de mise en œuvre et quels gains\r\n"
        "   peuvent en résulter ?\r\n"
        "2) Quelles formations pour les agents ?\r\n"
        "\r\n"
        "3)\tQui valide les décisions ?\r\n"
    )
    assert split_pasted(pasted) == [
        "Quel est le coût de mise en œuvre et quels gains peuvent en résulter ?",
        "Quelles formations pour les agents ?",
        "Qui valide les décisions ?",
    ]


def test_letters_bullets_and_dashes() -> None:
    assert split_pasted("a. Première ?\nb. Deuxième ?\nc) Troisième ?") == [
        "Première ?",
        "Deuxième ?",
        "Troisième ?",
    ]
    assert split_pasted("• Un point\n• Un autre,\nsur deux lignes\n– Un tiret\n- Un trait") == [
        "Un point",
        "Un autre, sur deux lignes",
        "Un tiret",
        "Un trait",
    ]


def test_one_per_line_joins_lines_visibly_cut() -> None:
    pasted = "Quel calendrier ?\nQuelle place pour le\ndialogue social ?\nQui décide ?"
    assert split_pasted(pasted) == [
        "Quel calendrier ?",
        "Quelle place pour le dialogue social ?",
        "Qui décide ?",
    ]


def test_empty_paste_and_five_hundred_items() -> None:
    assert split_pasted("") == []
    assert split_pasted(" \n\t\n\x0b ") == []
    pasted = "\n".join(f"{n}) Question numéro {n} ?" for n in range(1, 501))
    items = split_pasted(pasted)
    assert len(items) == 500
    assert items[499] == "Question numéro 500 ?"


# Look-alikes ------------------------------------------------------------------------------


def test_look_alikes_ignore_case_accents_and_small_words() -> None:
    existing = [
        (
            1,
            "Quelles mesures sont mises en place pour évaluer et prévenir les risques "
            "psychosociaux liés à l'introduction de l'IA ?",
        ),
        (2, "Quel est le coût de mise en œuvre et quels gains peuvent en résulter ?"),
    ]
    found = look_alikes("quelles MESURES pour prevenir les risques psychosociaux de l'IA", existing)
    assert [m.id for m in found] == [1]
    assert look_alikes("coût", existing) == []
