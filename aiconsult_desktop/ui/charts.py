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
        for index, (day, _) in enumerate(self.points):
            if day.month not in (1, 7) and index != len(self.points) - 1:
                continue
            month = FRENCH.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)
            label = f"{month} {day.year % 100:02d}"
            x = area.left() + index * step
            if index == len(self.points) - 1:  # the last label ends at the right edge
                box = QRectF(x - 80, area.bottom() + 4, 80, metrics.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignRight, label)
            else:
                box = QRectF(x - 40, area.bottom() + 4, 80, metrics.height())
                painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, label)
        painter.end()
