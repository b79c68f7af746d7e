"""Ready-made blocks a statement can take in: the employer's pending questions, a legal
ground as a footnote. Built as block models, so question text full of `*` or `[` stays
text once written as Markdown."""

from __future__ import annotations

from aiconsult_desktop.domain.enums import QuestionState
from aiconsult_desktop.domain.french import day_month_year
from aiconsult_desktop.domain.markdown_doc import Block, BlockKind, MarkdownDoc, Span, to_markdown
from aiconsult_desktop.domain.text import clean_line
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.services.statement_records import LegalGroundData
from aiconsult_desktop.store import Store


def open_states() -> set[QuestionState]:
    """The states of a question the employer still owes an answer to."""
    return {state for state in QuestionState if state.is_open}


def pending_questions(store: Store, employer_id: int) -> list[QuestionData]:
    from aiconsult_desktop.services.questions import list_questions

    return list_questions(store, employer_id=employer_id, states=open_states())


def answer_phrase(question: QuestionData) -> str:
    """ "posée le 15 mai 2025, sans réponse à ce jour" (or the state of the answer)."""
    asked = f"posée le {day_month_year(question.asked_on)}"
    if question.state is QuestionState.PENDING:
        return f"{asked}, sans réponse à ce jour"
    return f"{asked}, {question.state.label.lower()}"


def questions_blocks(questions: list[QuestionData]) -> MarkdownDoc:
    """A numbered list: each question, then when it was asked and where its answer is."""
    blocks = [
        Block(
            BlockKind.NUMBERED,
            (Span(f"{clean_line(q.text)} ({answer_phrase(q)})"),),
            new_list=index == 0,
        )
        for index, q in enumerate(questions)
    ]
    return MarkdownDoc(tuple(blocks))


def questions_markdown(questions: list[QuestionData]) -> str:
    return to_markdown(questions_blocks(questions))


def legal_note(ground: LegalGroundData) -> tuple[Span, ...]:
    """The footnote's text for a legal ground: its full reference, then what it says."""
    return (Span(clean_line(ground.footnote())),)
