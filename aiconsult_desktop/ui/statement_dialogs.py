"""The statement editor's dialogs: versions side by side, templates, legal grounds and
pending questions to insert. Each is opened with `open()` (window-modal, not blocking),
so tests drive the real widgets."""

from __future__ import annotations

import difflib
import html
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.french import plural
from aiconsult_desktop.domain.markdown_parse import parse_markdown
from aiconsult_desktop.services.legal_grounds import list_legal_grounds, save_legal_ground
from aiconsult_desktop.services.opening import Store
from aiconsult_desktop.services.records import QuestionData
from aiconsult_desktop.services.statement_blocks import answer_phrase
from aiconsult_desktop.services.statement_records import (
    LegalGroundData,
    StatementVersionData,
    TemplateData,
)
from aiconsult_desktop.ui.forms import button
from aiconsult_desktop.ui.guard import attempt
from aiconsult_desktop.ui.locale import FRENCH, long_date
from aiconsult_desktop.ui.markdown_qt import fill_document
from aiconsult_desktop.ui.widgets import buddy, wrapping_list


def word_diff_html(old: str, new: str) -> str:
    """`new` with what it added in green and what it removed from `old` struck in red."""
    old_words, new_words = old.split(" "), new.split(" ")
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    parts: list[str] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            removed = html.escape(" ".join(old_words[a1:a2]))
            parts.append(
                f'<span style="background:#f8d0d0;text-decoration:line-through">{removed}</span>'
            )
        if tag in ("replace", "insert"):
            added = html.escape(" ".join(new_words[b1:b2]))
            parts.append(f'<span style="background:#cdebd0">{added}</span>')
        if tag == "equal":
            parts.append(html.escape(" ".join(old_words[a1:a2])))
    body = " ".join(parts).replace("\n", "<br>")
    return f'<div style="white-space:pre-wrap">{body}</div>'


class VersionsDialog(QDialog):
    """An older version beside the current text, differences marked; "Restaurer"."""

    def __init__(
        self,
        parent: QWidget,
        versions: list[StatementVersionData],
        current: str,
        restore: Callable[[int], None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Versions de la déclaration")
        self._versions = versions
        self._current = current
        self._restore = restore
        self.list = wrapping_list()
        for version in versions:
            when = long_date(version.saved_at.date())
            QListWidgetItem(f"n° {version.number} — {when} — {version.reason}", self.list)
        self.old = QTextBrowser()
        self.new = QTextBrowser()
        self.restore_button = button(
            "&Restaurer cette version", "Remettre le texte de cette version", self._restore_now
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        sides = QHBoxLayout()
        for title, view in (
            ("Version choisie", self.old),
            ("Texte actuel (différences)", self.new),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(view)
            sides.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(buddy("&Versions enregistrées :", self.list))
        layout.addWidget(self.list)
        layout.addLayout(sides, 3)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._show)
        self.resize(980, 640)
        if versions:
            self.list.setCurrentRow(0)
        else:
            self.restore_button.setEnabled(False)
            self.old.setPlainText("Aucune version enregistrée pour l'instant.")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            return
        version = self._versions[row]
        self.old.setPlainText(version.text)
        self.new.setHtml(word_diff_html(version.text, self._current))

    def _restore_now(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._versions):
            self._restore(self._versions[row].number)
            self.accept()


class TemplatesDialog(QDialog):
    """Choose a template; its text goes into the statement."""

    def __init__(
        self, parent: QWidget, templates: list[TemplateData], use: Callable[[TemplateData], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Partir d'un modèle")
        self._templates = templates
        self._use = use
        self.list = wrapping_list()
        for template in templates:
            suffix = "" if template.builtin else " (modèle enregistré)"
            QListWidgetItem(template.name + suffix, self.list)
        # Rendered as the editor will show it once inserted (headings, bold, lists), not
        # as raw Markdown.
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Utiliser ce modèle")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(buddy("&Modèles :", self.list))
        layout.addWidget(self.list)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        if templates:
            self.list.setCurrentRow(0)
        self.resize(640, 520)

    def _show(self, row: int) -> None:
        text = self._templates[row].text if 0 <= row < len(self._templates) else ""
        fill_document(self.preview.document(), parse_markdown(text))

    def _accept(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._templates):
            self._use(self._templates[row])
        self.accept()


class QuestionsDialog(QDialog):
    """The employer's pending questions, ticked to be inserted as a numbered list."""

    def __init__(
        self,
        parent: QWidget,
        questions: list[QuestionData],
        insert: Callable[[list[QuestionData]], None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Insérer des questions en attente")
        self._questions = questions
        self._insert = insert
        self.list = wrapping_list()
        for question in questions:
            item = QListWidgetItem(f"{question.text} ({answer_phrase(question)})", self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.all = QCheckBox("&Toutes")
        self.all.setChecked(True)
        self.all.toggled.connect(self._tick_all)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Insérer")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = (
            f"{plural(len(questions), 'question')} sans réponse complète de cet employeur :"
            if questions
            else "Cet employeur n'a aucune question en attente."
        )
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.all)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def _tick_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def _accept(self) -> None:
        chosen = [
            q
            for row, q in enumerate(self._questions)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        if chosen:
            self._insert(chosen)
        self.accept()


class LegalGroundsDialog(QDialog):
    """The legal grounds library: pick one to insert as a footnote, or edit it."""

    def __init__(
        self, parent: QWidget, store: Store, insert: Callable[[LegalGroundData], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fondements juridiques")
        self._store = store
        self._insert = insert
        self._grounds: list[LegalGroundData] = []
        self.list = wrapping_list()
        self.label = QLineEdit()
        self.reference = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(110)
        self.has_date = QCheckBox("&Date d'application :")
        self.applies_on = QDateEdit()
        self.applies_on.setCalendarPopup(True)
        self.applies_on.setDisplayFormat("d MMMM yyyy")
        self.applies_on.setLocale(FRENCH)
        self.has_date.toggled.connect(self.applies_on.setEnabled)
        form = QFormLayout()
        form.addRow("&Intitulé :", self.label)
        form.addRow("&Référence complète :", self.reference)
        form.addRow("&Résumé :", self.summary)
        form.addRow(self.has_date, self.applies_on)
        self.insert_button = button(
            "Insérer en &note", "Insérer ce fondement en note de bas de page", self._accept
        )
        self.save_button = button("&Enregistrer", "Enregistrer les modifications", self._save)
        self.new_button = button("&Nouveau", "Ajouter un fondement", self._new)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for widget in (self.insert_button, self.save_button, self.new_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        self._reload()
        self.resize(760, 560)

    def _reload(self, select_id: int | None = None) -> None:
        grounds = attempt(self, lambda: list_legal_grounds(self._store))
        self._grounds = grounds or []
        self.list.clear()
        for ground in self._grounds:
            QListWidgetItem(ground.label, self.list)
        ids = [g.id for g in self._grounds]
        self.list.setCurrentRow(ids.index(select_id) if select_id in ids else 0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._grounds):
            return
        ground = self._grounds[row]
        self.label.setText(ground.label)
        self.reference.setText(ground.reference)
        self.summary.setPlainText(ground.summary)
        self.has_date.setChecked(ground.applies_on is not None)
        self.applies_on.setEnabled(ground.applies_on is not None)
        if ground.applies_on is not None:
            day = ground.applies_on
            self.applies_on.setDate(QDate(day.year, day.month, day.day))

    def _edited(self) -> LegalGroundData:
        row = self.list.currentRow()
        ground_id = self._grounds[row].id if 0 <= row < len(self._grounds) else None
        applies = self.applies_on.date().toPython() if self.has_date.isChecked() else None
        return LegalGroundData(
            id=ground_id,
            label=self.label.text(),
            reference=self.reference.text(),
            summary=self.summary.toPlainText(),
            applies_on=applies,  # type: ignore[arg-type]
        )

    def _save(self) -> LegalGroundData | None:
        data = self._edited()
        saved = attempt(self, lambda: save_legal_ground(self._store, data))
        if saved is not None:
            self._reload(saved.id)
        return saved

    def _new(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        for edit in (self.label, self.reference):
            edit.clear()
        self.summary.clear()
        self.has_date.setChecked(False)
        self.label.setFocus()

    def _accept(self) -> None:
        ground = self._save()
        if ground is not None:
            self._insert(ground)
            self.accept()
