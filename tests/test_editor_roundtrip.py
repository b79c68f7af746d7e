"""Markdown → editor → Markdown is the identity on the canonical form."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from aiconsult_desktop.domain.markdown_doc import MarkdownDoc, to_markdown
from aiconsult_desktop.domain.markdown_parse import parse_markdown
from aiconsult_desktop.ui.markdown_qt import fill_document, read_document
from tests.test_statement_markdown import documents


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents)
def test_a_document_shown_in_the_editor_reads_back_unchanged(
    qtbot: QtBot, doc: MarkdownDoc
) -> None:
    markdown = to_markdown(doc)
    document = QTextDocument()
    fill_document(document, parse_markdown(markdown))
    assert read_document(document) == doc
    assert to_markdown(read_document(document)) == markdown
