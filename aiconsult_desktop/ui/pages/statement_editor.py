"""The right-hand side of the Déclarations page: meeting, item, kind, title, state, and
the rich text editor with its word count and reading time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.enums import StatementKind, StatementState
from aiconsult_desktop.domain.salutation import DEFAULT_SALUTATION, with_salutation
from aiconsult_desktop.services.records import MeetingData, StatementData
from aiconsult_desktop.ui.flow_layout import FlowLayout
from aiconsult_desktop.ui.forms import count_phrase, meeting_label
from aiconsult_desktop.ui.locale import long_date
from aiconsult_desktop.ui.rich_editor import RichEditor
from aiconsult_desktop.ui.widgets import EnumCombo, IdCombo

if TYPE_CHECKING:
    from aiconsult_desktop.ui.forms import ChangeTracker


def reading_time_phrase(words: int, words_per_minute: int) -> str:
    """ "lecture ≈ 2 min 30 s" at the organisation's speaking pace."""
    seconds = round(words * 60 / max(words_per_minute, 1))
    if seconds < 60:
        return f"lecture ≈ {seconds} s"
    minutes, rest = divmod(seconds, 60)
    rest = rest // 10 * 10
    return f"lecture ≈ {minutes} min {rest:02d} s" if rest else f"lecture ≈ {minutes} min"


class StatementEditor(QWidget):
    """Meeting, agenda item, kind, title, state, "Extrait" and the text itself."""

    def __init__(self, tracker: ChangeTracker) -> None:
        super().__init__()
        self._meetings: dict[int, MeetingData] = {}
        self.words_per_minute = 130
        self.salutation = DEFAULT_SALUTATION
        """A new déclaration liminaire starts with it (Paramètres)."""
        self.meeting = IdCombo()
        self.agenda_item = IdCombo()
        self.agenda_item.setToolTip("Point de l'ordre du jour sur lequel porte la déclaration")
        self.kind: EnumCombo[StatementKind] = EnumCombo(StatementKind)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Ex. : Intelligence artificielle et suppressions de postes")
        self.state: EnumCombo[StatementState] = EnumCombo(StatementState)
        self.read_on_label = QLabel("")
        self.read_on_label.setObjectName("readOnLabel")
        self.excerpt = QCheckBox("E&xtrait")
        self.excerpt.setToolTip("Le document portera la mention « Extrait »")
        self.rich = RichEditor()
        self.text = self.rich.text
        self.word_count = QLabel("")
        self.word_count.setObjectName("wordCount")
        self.word_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reading_time = QLabel("")
        self.reading_time.setObjectName("readingTime")
        self.reading_time.setToolTip(
            "Durée de lecture estimée, à la vitesse réglée dans les Paramètres"
        )
        self.lock_label = QLabel("")
        self.lock_label.setObjectName("lockLabel")
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet("color: #7a5b00;")
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)
        self._count_timer.timeout.connect(self.count_words)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.excerpt)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state, 1)
        state_row.addWidget(self.read_on_label)
        form = QFormLayout()
        form.addRow("Réuni&on :", self.meeting)
        form.addRow("&Point :", self.agenda_item)
        kind_label = QLabel("T&ype :")
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, kind_row)
        form.addRow("T&itre :", self.title)
        state_label = QLabel("Ét&at :")
        state_label.setBuddy(self.state)
        form.addRow(state_label, state_row)
        text_label = QLabel("&Texte :")
        text_label.setBuddy(self.text)
        # Rows of buttons that wrap: at 1024 px nothing is cut off or scrolls sideways.
        self.tools = FlowLayout()
        self.inserts = FlowLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.tools)
        layout.addLayout(self.inserts)
        layout.addWidget(self.lock_label)
        layout.addWidget(text_label)
        layout.addWidget(self.rich, 1)
        counts = QHBoxLayout()
        counts.addStretch(1)
        counts.addWidget(self.word_count)
        counts.addWidget(QLabel("·"))
        counts.addWidget(self.reading_time)
        layout.addLayout(counts)

        self.meeting.currentIndexChanged.connect(self._meeting_changed)
        self.kind.activated.connect(self._kind_chosen)
        self.rich.changed.connect(self._text_changed)
        tracker.watch(
            self.meeting, self.agenda_item, self.kind, self.title, self.state, self.excerpt
        )
        self.rich.changed.connect(tracker.mark)
        self.fields: dict[str, QWidget] = {
            "meeting": self.meeting,
            "agenda_item": self.agenda_item,
            "Titre de la déclaration": self.title,
            "Texte": self.text,
        }

    def set_meetings(self, meeting_list: list[MeetingData]) -> None:
        self._meetings = {m.id: m for m in meeting_list if m.id is not None}
        self.meeting.set_items([(m.id, meeting_label(m)) for m in meeting_list])
        self._meeting_changed()

    def current_meeting(self) -> MeetingData | None:
        meeting_id = self.meeting.current_id()
        return self._meetings.get(meeting_id) if meeting_id is not None else None

    def load(self, statement: StatementData | None, meeting_id: int | None) -> None:
        if statement is None:
            if meeting_id is None or not self.meeting.set_current_id(meeting_id):
                self.meeting.setCurrentIndex(self.meeting.count() - 1)
            self._meeting_changed()
            self.agenda_item.set_current_id(None)
            self.kind.set_value(StatementKind.INTERVENTION)
            self.title.clear()
            self.state.set_value(StatementState.DRAFT)
            self.excerpt.setChecked(False)
            self.rich.set_markdown("")
        else:
            self.meeting.set_current_id(statement.meeting_id)
            self._meeting_changed()
            self.agenda_item.set_current_id(statement.agenda_item_id)
            self.kind.set_value(statement.kind)
            self.title.setText(statement.title)
            self.state.set_value(statement.state)
            self.excerpt.setChecked(statement.excerpt)
            self.rich.set_markdown(statement.text)
        self.show_lock(statement)
        self.count_words()

    def show_lock(self, statement: StatementData | None) -> None:
        """A statement read at the meeting is read-only until "Modifier"."""
        locked = statement is not None and statement.state is StatementState.READ
        self.rich.set_read_only(locked)
        if locked and statement is not None:
            when = f"lue le {long_date(statement.read_on)}" if statement.read_on else ""
            self.read_on_label.setText(when)
            self.lock_label.setText(
                "Lue en séance : le texte est verrouillé. « Modifier » en commence une "
                "nouvelle version (le texte lu reste dans les versions)."
            )
        else:
            self.read_on_label.setText("")
            self.lock_label.setText("")
        self.lock_label.setVisible(locked)

    def record(self, loaded: StatementData | None) -> StatementData:
        """What is in the editor; id, version and dossier come from the loaded record.

        A new statement joins the dossier of its meeting, so it shows up with the subject.
        """
        meeting_id = self.meeting.current_id()
        meeting = self.current_meeting()
        if loaded is not None:
            dossier_id = loaded.dossier_id
        else:
            dossier_id = meeting.dossier_id if meeting is not None else None
        return StatementData(
            id=loaded.id if loaded else None,
            version=loaded.version if loaded else 0,
            dossier_id=dossier_id,
            meeting_id=meeting_id if meeting_id is not None else 0,
            agenda_item_id=self.agenda_item.current_id(),
            kind=self.kind.value(),
            title=self.title.text(),
            state=self.state.value(),
            excerpt=self.excerpt.isChecked(),
            read_on=loaded.read_on if loaded else None,
            text=self.rich.markdown(),
        )

    def _meeting_changed(self, *_args: object) -> None:
        """The agenda items offered are those of the chosen meeting."""
        meeting = self.current_meeting()
        agenda = sorted(meeting.agenda, key=lambda a: a.position) if meeting else []
        self.agenda_item.set_items(
            [(None, "(aucun point précis)"), *((a.id, f"{a.position}. {a.title}") for a in agenda)]
        )

    def _kind_chosen(self, *_args: object) -> None:
        """A déclaration liminaire opens with the salutation: put in its empty text, where
        the user sees and edits it (the export adds nothing)."""
        if self.kind.value() is not StatementKind.OPENING or self.rich.text.isReadOnly():
            return
        if not self.rich.text.toPlainText().strip() and self.salutation.strip():
            self.rich.insert_markdown(with_salutation("", self.salutation))
            self.text.textCursor().insertBlock()  # the user goes on below it

    def _text_changed(self) -> None:
        """Count at once on a statement of normal length, after a pause on a huge one."""
        if self.text.document().characterCount() < 50_000:
            self.count_words()
        else:
            self._count_timer.start()

    def count_words(self) -> None:
        # Plain text, not the block model: instant even on a very long statement. A note
        # call sticks to its word ("redevabilité1"), so it does not count as a word.
        words = len(self.text.toPlainText().split())
        self.word_count.setText(count_phrase(words, "mot"))
        self.reading_time.setText(reading_time_phrase(words, self.words_per_minute))
