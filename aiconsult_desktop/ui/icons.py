"""The app's icons: Lucide's line icons (ISC licence, resources/icons/lucide/LICENSE).

One maintained set, shipped as the few SVG files the app uses, drawn in the colours of
the palette rather than the black of the files: an icon follows its button's text
(lighter when the button is disabled, white on the dark sidebar or on a primary button),
in a light or a dark Windows theme alike. Each icon is drawn at the size asked for, so it
stays sharp at 125 % or 150 % scaling.

`icon("save")` is the only entry point; a name without its file raises, so a missing
file shows up in the tests and in the bundle's start-up check, not as a blank button.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from aiconsult_desktop.resources_path import resource

ICON_FOLDER = ("icons", "lucide")


@cache
def _svg(name: str) -> str:
    path = resource(*ICON_FOLDER, f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"icon {name!r} is not shipped in {path.parent}")
    return path.read_text(encoding="utf-8")


class _TintedSvg(QIconEngine):
    """Draws one SVG in the colour of each icon mode (normal, disabled, selected)."""

    def __init__(self, name: str, colours: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self._name = name
        self._colours = colours
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        colour = self._colours.get(mode, self._colours[QIcon.Mode.Normal])
        renderer = self._renderers.get(colour)
        if renderer is None:
            text = _svg(self._name).replace("currentColor", colour)
            renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
            if not renderer.isValid():
                raise ValueError(f"icon {self._name!r} is not a valid SVG")
            self._renderers[colour] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, pixmap.rect(), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """At 125 % or 150 %, drawn with the screen's pixels rather than enlarged."""
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._name, self._colours)

    def iconName(self) -> str:
        return self._name


def _palette_colour(group: QPalette.ColorGroup, role: QPalette.ColorRole) -> str:
    return QGuiApplication.palette().color(group, role).name()


def icon(
    name: str, colour: QColor | str | None = None, selected: QColor | str | None = None
) -> QIcon:
    """The icon `name` (a Lucide file name: "save", "trash-2"), in the button text's colour
    of the palette unless `colour` is given; `selected` for a selected list row."""
    _svg(name)  # a missing file fails here, where the icon is asked for
    normal = QColor(colour).name() if colour is not None else None
    chosen = QColor(selected).name() if selected is not None else None
    return _icon(name, normal, chosen)


@cache
def _icon(name: str, normal: str | None, selected: str | None) -> QIcon:
    active = QPalette.ColorGroup.Active
    role = QPalette.ColorRole.ButtonText
    colours = {
        QIcon.Mode.Normal: normal or _palette_colour(active, role),
        QIcon.Mode.Disabled: _palette_colour(QPalette.ColorGroup.Disabled, role),
        QIcon.Mode.Selected: selected or normal or _palette_colour(active, role),
    }
    return QIcon(_TintedSvg(name, colours))
