"""What the Questions page does beyond editing one question: the liste de relance, a
pasted list of questions, and exporting the register.

Each action first saves what is being typed (`page.leave()`), then works through the
services; kept apart from the page so that the page holds only its list and editor.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from aiconsult_desktop.domain.french import agreed, plural
from aiconsult_desktop.services import (
    employers,
    meetings,
    question_events,
    question_exports,
    questions,
)
from aiconsult_desktop.ui import dialogs
from aiconsult_desktop.ui.background_export import CONVERTING
from aiconsult_desktop.ui.forms import count_phrase
from aiconsult_desktop.ui.guard import attempt, attempt_done
from aiconsult_desktop.ui.operations import Report, Run, read_in_background, run_in_background
from aiconsult_desktop.ui.pages import question_dialogs

if TYPE_CHECKING:
    from aiconsult_desktop.services.questions import QuestionFilter
    from aiconsult_desktop.services.records import QuestionEventData
    from aiconsult_desktop.ui.pages.questions import QuestionsPage


def open_relance_list(page: QuestionsPage) -> None:
    """Every pending question of the employer, marked as asked again in one action."""
    employer_id = page.relance_employer()
    if employer_id is None or not page.leave():
        return
    found = attempt(
        page,
        lambda: (
            employers.get_employer(page.store, employer_id),
            questions.relance_list(page.store, employer_id),
            [m for m in meetings.list_meetings(page.store) if m.employer_id == employer_id],
            question_events.next_meeting(page.store, employer_id),
        ),
    )
    if found is None:
        return
    employer, pending, employer_meetings, upcoming = found
    dialog = question_dialogs.RelanceDialog(
        page, employer.in_sentence, pending, employer_meetings, upcoming
    )
    if not question_dialogs.run(dialog):
        return
    meeting_id, on = dialog.chosen()
    ids = dialog.question_ids()
    done = attempt(page, lambda: question_events.mark_asked_again(page.store, ids, meeting_id, on))
    if done is not None:
        marked = f"{agreed(done, 'marquée')} comme {agreed(done, 'relancée')}"
        dialogs.show_info(page, f"{count_phrase(done, 'question')} {marked}.")
        page.reload_editing()


def paste_list(page: QuestionsPage) -> None:
    """One question per item of a list copied from Word or an e-mail, previewed first."""
    # A blank new question only says where the pasted ones go: nothing to save.
    blank = page.editing is None and not page.form.text.toPlainText().strip()
    if not blank and not page.leave():
        return
    employer_id = page.form.employer.current_id()
    if employer_id is None:
        dialogs.show_error(page, "Enregistrez d'abord un employeur (page Employeurs).")
        return
    template = page.form.record(None)
    employer = attempt(page, lambda: employers.get_employer(page.store, employer_id))
    if employer is None:
        return
    dialog = question_dialogs.PasteDialog(page, employer.in_sentence, template.asked_on)
    if not question_dialogs.run(dialog):
        return
    texts = dialog.items()
    saved = attempt(page, lambda: questions.add_questions(page.store, template, texts))
    if saved:
        recorded = agreed(len(saved), "enregistrée")
        dialogs.show_info(page, f"{plural(len(saved), 'question')} {recorded}.")
        page.reload_after_paste()


def export(page: QuestionsPage) -> None:
    """The questions shown: Word for one employer (the document for the president), CSV
    or XLSX for the spreadsheet users; the state filter carries over."""
    if not page.leave():
        return
    wanted = page.current_filter()
    employer_id = wanted.employer_id or page.form.employer.current_id()
    employer = (
        attempt(page, lambda: employers.get_employer(page.store, employer_id))
        if employer_id
        else None
    )
    suggested = Path(
        f"Questions sans réponse - {employer.short_name or employer.name}.docx"
        if employer
        else "Registre des questions.xlsx"
    )
    target = dialogs.save_path(
        page,
        "Exporter les questions",
        suggested,
        "Document Word (*.docx);;Document PDF (*.pdf);;Classeur Excel (*.xlsx);;"
        "Fichier CSV (*.csv)",
    )
    if target is None:
        return
    choice = page.state_choice()
    state = None if choice == "all" else choice
    name = employer.name if employer else None
    pdf = target.suffix.lower() == ".pdf"
    # Off the GUI thread, with progress; cancelling a spreadsheet or Word export keeps
    # any previous file whole (a LibreOffice conversion runs to its end).
    store = page.store  # read here: the worker touches no widget, not even the page
    operation = run_in_background(
        page,
        lambda report: question_exports.export_questions(
            store, target, employer_name=name, state=state, progress=report
        ),
        lambda written: dialogs.show_info(page, f"Fichier écrit : {written}"),
        label=CONVERTING if pdf else f"Export de « {target.name} »…",
        title="Exporter les questions",
        cancellable=not pdf,
        at_once=pdf,
    )
    page.progress = operation.progress


def edit_event(page: QuestionsPage, event: QuestionEventData | None) -> None:
    """Record or correct one step of the question's history (asked, answered…)."""
    if page.editing is None or not page.leave():
        return
    question_id = page.editing_id()
    assert question_id is not None
    dialog = question_dialogs.EventDialog(page, question_id, page.form.employer_meetings(), event)
    while question_dialogs.run(dialog):
        data = dialog.record()
        if attempt(page, partial(question_events.save_event, page.store, data)) is not None:
            page.reload_editing()
            return


def remove_event(page: QuestionsPage, event: QuestionEventData) -> None:
    if event.id is None or not page.leave():
        return
    event_id = event.id
    if not dialogs.confirm(
        page,
        "Retirer l'événement",
        f"Retirer « {event.kind.label} » du {event.on:%d/%m/%Y} de l'historique ?",
    ):
        return
    if attempt_done(page, lambda: question_events.delete_event(page.store, event_id)):
        page.reload_editing()


def count_later(page: QuestionsPage, wanted: QuestionFilter) -> Run[int]:
    """Count the questions the list shows off the GUI thread (`read_in_background`):
    counting 100,000 questions never holds the typing. A newer filter cancels this count
    (`page.counting`), so a stale total is never shown."""

    store = page.store  # read here: the worker touches no widget, not even the page

    def work(report: Report) -> int:
        report(0, 1)  # raises Cancelled once a newer filter made this count moot
        return questions.count_questions(store, wanted)

    def counted(total: int) -> None:
        if run is page.counting:
            page.counting = None
            page.model.set_total(total)
            page.update_count()

    run = read_in_background(page, work, counted)
    return run
