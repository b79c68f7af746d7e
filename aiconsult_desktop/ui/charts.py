"""A small chart of pending questions month by month, drawn with QPainter.

PySide6-Essentials ships no QtCharts; a dozen lines of painting read better than a table.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from aiconsult_desktop.ui.locale import FRENCH

LINE = QColor("#b3202a")
FILL = QColor(179, 32, 42, 40)
AXIS = QColor("#8a8f98")


class PendingChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[date, int]] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Questions en attente, mois par mois")

    def set_points(self, points: list[tuple[date, int]]) -> None:
        self.points = points
        latest = points[-1][1] if points else 0
        self.setToolTip(
            f"Questions en attente de réponse à la fin de chaque mois ; aujourd'hui : {latest}."
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if len(self.points) < 2:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        top = max(count for _, count in self.points) or 1
        label_width = metrics.horizontalAdvance(str(top)) + 6
        area = QRectF(label_width, 6, self.width() - label_width - 6,
                      self.height() - metrics.height() - 12)  # fmt: skip
        step = area.width() / (len(self.points) - 1)

        def at(index: int, count: int) -> QPointF:
            return QPointF(area.left() + index * step, area.bottom() - area.height() * count / top)

        line = QPainterPath(at(0, self.points[0][1]))
        for index, (_, count) in enumerate(self.points[1:], start=1):
            line.lineTo(at(index, count))
        filled = QPainterPath(line)
        filled.lineTo(area.bottomRight())
        filled.lineTo(area.bottomLeft())
        filled.closeSubpath()
        painter.fillPath(filled, FILL)
        painter.setPen(QPen(LINE, 2))
        painter.drawPath(line)

        painter.setPen(AXIS)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawText(QRectF(0, area.top() - 4, label_width - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, str(top))  # fmt: skip
        painter.drawText(QRectF(0, area.bottom() - metrics.height() + 2, label_width - 4,
                                metrics.height()), Qt.AlignmentFlag.AlignRight, "0")  # fmt: skip
        # The current month ends at the right edge; January and July are centred on
        # their point, and dropped where they would run into a label already drawn.
        last = len(self.points) - 1
        ticks = [last, *(i for i, (day, _) in enumerate(self.points[:-1]) if day.month in (1, 7))]
        taken: list[tuple[float, float]] = []
        for index in ticks:
            day = self.points[index][0]
            month = FRENCH.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)
            label = f"{month} {day.year % 100:02d}"
            width = metrics.horizontalAdvance(label)
            x = area.left() + index * step
            left = x - width if index == last else x - width / 2
            if any(left < end + 6 and left + width > start - 6 for start, end in taken):
                continue
            taken.append((left, left + width))
            painter.drawText(QRectF(left, area.bottom() + 4, width + 1, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, label)  # fmt: skip
        painter.end()
