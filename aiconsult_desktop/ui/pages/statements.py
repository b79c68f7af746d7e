"""Placeholder: replaced by the real page."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from aiconsult_desktop.store import Store


class StatementsPage(QWidget):
    title = "Déclarations"

    def __init__(self, store: Store, window: QWidget) -> None:
        super().__init__()
        self.store = store
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.title))

    def refresh(self) -> None:
        pass
