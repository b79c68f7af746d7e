"""The statement editor's text area: what a paste keeps, and what Enter does.

Pasting from Word or a web page keeps structure only (headings, lists, quotations, bold,
italics, underline, notes) and drops the rest (fonts, colours; tables become text),
because what is pasted goes through the same block model as what is stored.

Enter on an empty paragraph makes another one, as in Word: a blank line the user types
is kept (`domain.markdown_doc`). Qt's own Enter on an empty block that has a format of
its own (here, every paragraph: it is spaced as the Word export spaces it) only resets
that format, so a second Enter would seem to do nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QTextEdit

from aiconsult_desktop.domain.markdown_doc import Block, BlockKind, MarkdownDoc, Span
from aiconsult_desktop.domain.text import clean_text
from aiconsult_desktop.ui.markdown_qt import QUOTE_PROPERTY, insert_doc, read_document

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class StatementTextEdit(QTextEdit):
    """A QTextEdit whose paste keeps structure only and whose Enter keeps blank lines."""

    def insertFromMimeData(self, source: QMimeData) -> None:
        cursor = self.textCursor()
        if source.hasHtml():
            scratch = QTextDocument()
            scratch.setHtml(source.html())
            doc = read_document(scratch, pasted=True)
        elif source.hasText():
            lines = clean_text(source.text()).split("\n")
            doc = MarkdownDoc(
                tuple(Block(BlockKind.PARAGRAPH, (Span(line),)) for line in lines if line.strip())
            )
        else:
            return
        cursor.beginEditBlock()
        insert_doc(cursor, doc)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER and event.modifiers() in _PLAIN and self._on_blank_paragraph():
            self.textCursor().insertBlock()
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)  # in a list or a heading, Enter on empty ends it

    def _on_blank_paragraph(self) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        fmt = block.blockFormat()
        return (
            not self.isReadOnly()
            and not cursor.hasSelection()
            and not block.text()
            and block.textList() is None
            and fmt.headingLevel() == 0
            and not fmt.property(QUOTE_PROPERTY)
        )
