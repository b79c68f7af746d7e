"""The statement editor: a word processor's basics over the stored Markdown.

Bold, italics, underline, two heading levels, bullet and numbered lists, quotations,
footnotes, undo/redo, from a toolbar and the usual shortcuts (a French Word's: Ctrl+G,
Ctrl+I, Ctrl+U). Paste and Enter are the text area's (`ui.statement_text_edit`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from aiconsult_desktop.domain.markdown_doc import (
    BlockKind,
    MarkdownDoc,
    Span,
    to_markdown,
)
from aiconsult_desktop.domain.markdown_parse import parse_inline, parse_markdown
from aiconsult_desktop.domain.text import clean_text
from aiconsult_desktop.ui.editor_toolbar import dress_toolbar
from aiconsult_desktop.ui.markdown_qt import (
    HEADING_SIZE,
    NOTE_PROPERTY,
    QUOTE_PROPERTY,
    block_format,
    fill_document,
    insert_doc,
    note_calls,
    note_format,
    read_document,
    renumber_notes,
)
from aiconsult_desktop.ui.statement_text_edit import StatementTextEdit

NOTE_SHORTCUT = "Ctrl+Alt+F"


def ask_note_text(parent: QWidget, initial: str = "") -> str | None:
    """The text of a footnote, typed in a small dialog (tests replace this function)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Note de bas de page")
    edit = QPlainTextEdit()
    edit.setPlainText(initial)
    edit.setPlaceholderText("Texte de la note (référence, source…)")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    label = QLabel("&Texte de la note :")
    label.setBuddy(edit)
    layout.addWidget(label)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    dialog.resize(480, 200)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.toPlainText()


class RichEditor(QWidget):
    """Toolbar + text + the notes' texts underneath. `markdown()` / `set_markdown()`."""

    changed = Signal()
    """The user changed the text (not emitted by `set_markdown`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.text = StatementTextEdit()
        self.text.setAcceptRichText(True)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("Texte de la déclaration…")
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text.document().setDefaultFont(font)
        self.text.setMinimumHeight(240)
        self.toolbar = QToolBar("Mise en forme")
        self.notes_label = QLabel("")
        self.notes_label.setObjectName("notesLabel")
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_label.setStyleSheet("color: palette(dark); font-size: 90%;")
        self.actions_: dict[str, QAction] = {}
        self._build_actions()
        dress_toolbar(self.toolbar, self.actions_)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(250)
        self._notes_timer.timeout.connect(self._show_notes)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.notes_label)
        self.text.textChanged.connect(self._on_text_changed)
        self.text.currentCharFormatChanged.connect(self._sync_buttons)
        self.text.cursorPositionChanged.connect(self._sync_buttons)

    # Content -----------------------------------------------------------------------------

    def markdown(self) -> str:
        return to_markdown(read_document(self.text.document()))

    def document_model(self) -> MarkdownDoc:
        return read_document(self.text.document())

    def set_markdown(self, text: str) -> None:
        self._loading = True
        try:
            fill_document(self.text.document(), parse_markdown(text))
            self.text.document().clearUndoRedoStacks()
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            self._loading = False
        self._show_notes()

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        self.toolbar.setEnabled(not read_only)

    def insert_markdown(self, text: str, *, as_blocks: bool = False) -> None:
        """Insert Markdown at the cursor; `as_blocks` starts it on a line of its own."""
        self.insert_doc(parse_markdown(text), as_blocks=as_blocks)

    def insert_doc(self, doc: MarkdownDoc, *, as_blocks: bool = False) -> None:
        if self.text.isReadOnly():
            return
        cursor = self.text.textCursor()
        cursor.beginEditBlock()
        if as_blocks and cursor.block().text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        insert_doc(cursor, doc)
        cursor.endEditBlock()
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    def insert_note(self, note: tuple[Span, ...]) -> None:
        """A footnote call at the cursor, carrying `note` as its text."""
        if self.text.isReadOnly() or not note:
            return
        cursor = self.text.textCursor()
        cursor.beginEditBlock()
        cursor.clearSelection()
        level = cursor.block().blockFormat().headingLevel()
        plain = QTextCharFormat(cursor.charFormat())
        plain.clearProperty(NOTE_PROPERTY)
        plain.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignNormal)
        plain.clearForeground()
        plain.clearProperty(QTextFormat.Property.TextToolTip)
        cursor.insertText("0", note_format(note, level))
        cursor.setCharFormat(plain)
        renumber_notes(self.text.document())
        cursor.endEditBlock()
        self.text.setTextCursor(cursor)
        self.text.setCurrentCharFormat(plain)

    # Actions ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def add(
            key: str,
            text: str,
            tip: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], object],
            checkable: bool = False,
        ) -> None:
            action = QAction(text, self)
            sequence = QKeySequence(shortcut)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shown})")
            action.setCheckable(checkable)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            self.toolbar.addAction(action)
            self.actions_[key] = action

        # A French Word's keys (Ctrl+G gras, not Qt's Ctrl+B); Ctrl+B still works.
        add("bold", "G", "Gras", "Ctrl+G", self.toggle_bold, True)
        self.actions_["bold"].setShortcuts([QKeySequence("Ctrl+G"), QKeySequence("Ctrl+B")])
        add("italic", "I", "Italique", "Ctrl+I", self.toggle_italic, True)
        add("underline", "S", "Souligné", "Ctrl+U", self.toggle_underline, True)
        self.toolbar.addSeparator()
        # Word's keys for styles; Ctrl+1… belong to the window's pages (Affichage).
        add("heading1", "Titre 1", "Titre de niveau 1", "Ctrl+Alt+1", lambda: self.set_heading(1))
        add("heading2", "Titre 2", "Titre de niveau 2", "Ctrl+Alt+2", lambda: self.set_heading(2))
        add("paragraph", "¶", "Paragraphe normal", "Ctrl+Shift+N", self.set_paragraph)
        self.toolbar.addSeparator()
        add("bullets", "• Liste", "Liste à puces", "Ctrl+Shift+8", self.toggle_bullets)
        add("numbers", "1. Liste", "Liste numérotée", "Ctrl+Shift+7", self.toggle_numbers)
        add("quote", "« Citation »", "Citation", "Ctrl+Shift+Q", self.toggle_quote)
        add(
            "note",
            "Note",
            "Insérer une note de bas de page",
            NOTE_SHORTCUT,
            self.ask_and_insert_note,
        )
        self.toolbar.addSeparator()
        add("undo", "Annuler", "Annuler", QKeySequence.StandardKey.Undo, self.text.undo)
        add("redo", "Rétablir", "Rétablir", QKeySequence.StandardKey.Redo, self.text.redo)

    def _merge(self, fmt: QTextCharFormat) -> None:
        """Format the selection, or (none) what is typed next, as word processors do."""
        self.text.mergeCurrentCharFormat(fmt)

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.text.fontWeight() < int(QFont.Weight.DemiBold)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.text.fontItalic())
        self._merge(fmt)

    def toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(not self.text.fontUnderline())
        self._merge(fmt)

    def _set_block(self, kind: BlockKind, level: int = 0) -> None:
        cursor = self.text.textCursor()
        cursor.beginEditBlock()
        block_list = cursor.currentList()
        if block_list is not None:
            for block in _selected_blocks(cursor):
                block_list.remove(block)
        cursor.setBlockFormat(block_format(kind, level))  # replaces: no indent left over
        size = QTextCharFormat()
        size.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE.get(level, 0))
        whole = QTextCursor(cursor)
        whole.setPosition(cursor.selectionStart())
        whole.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        whole.setPosition(cursor.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        whole.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        whole.mergeCharFormat(size)
        cursor.endEditBlock()
        self.text.mergeCurrentCharFormat(size)

    def set_heading(self, level: int) -> None:
        current = self.text.textCursor().blockFormat().headingLevel()
        if current == level:
            self.set_paragraph()
        else:
            self._set_block(BlockKind.HEADING, level)

    def set_paragraph(self) -> None:
        self._set_block(BlockKind.PARAGRAPH)

    def toggle_quote(self) -> None:
        quoted = bool(self.text.textCursor().blockFormat().property(QUOTE_PROPERTY))
        self._set_block(BlockKind.PARAGRAPH if quoted else BlockKind.QUOTE)

    def _toggle_list(self, style: QTextListFormat.Style) -> None:
        cursor = self.text.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            self._set_block(BlockKind.PARAGRAPH)
            return
        self._set_block(BlockKind.PARAGRAPH)
        cursor = self.text.textCursor()
        list_format = QTextListFormat()
        list_format.setStyle(style)
        cursor.createList(list_format)

    def toggle_bullets(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDisc)

    def toggle_numbers(self) -> None:
        self._toggle_list(QTextListFormat.Style.ListDecimal)

    def ask_and_insert_note(self) -> None:
        if self.text.isReadOnly():
            return
        typed = ask_note_text(self)
        if typed is None or not typed.strip():
            return
        self.insert_note(parse_inline(clean_text(typed)))

    # Feedback -----------------------------------------------------------------------------

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._notes_timer.start()
        self.changed.emit()

    def _show_notes(self) -> None:
        calls = note_calls(self.text.document())
        if not calls:
            self.notes_label.setText("")
            self.notes_label.setVisible(False)
            return
        lines = [
            f"{index}. {' '.join(_plain(parse_inline(text)).split())}"
            for index, (_, _, text) in enumerate(calls, start=1)
        ]
        self.notes_label.setText("Notes de bas de page :\n" + "\n".join(lines))
        self.notes_label.setVisible(True)

    def _sync_buttons(self, *_args: object) -> None:
        self.actions_["bold"].setChecked(self.text.fontWeight() >= int(QFont.Weight.DemiBold))
        self.actions_["italic"].setChecked(self.text.fontItalic())
        self.actions_["underline"].setChecked(self.text.fontUnderline())


def _plain(spans: tuple[Span, ...]) -> str:
    return "".join(span.text for span in spans)


def _selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].isValid():
        blocks.append(blocks[-1].next())
    return blocks
