"""Run something once a widget has been painted: start-up shows the window (and the figures
of its first page) before the work that can wait — the charts, the count of things to do in
the status bar — starts competing with it for the GUI thread and the interpreter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _NextPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], delay_ms: int) -> None:
        super().__init__(widget)
        self._callback = callback
        self._delay_ms = delay_ms
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.parent():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # once the whole paint is done (children too)
        return False

    def _painted(self) -> None:
        # the delay starts now: the work never shares the paint's turn of the event loop
        QTimer.singleShot(self._delay_ms, self._run)

    def _run(self) -> None:
        self.deleteLater()
        self._callback()


def after_next_paint(widget: QWidget, callback: Callable[[], None], delay_ms: int = 0) -> None:
    """Call ``callback`` ``delay_ms`` after the next paint of ``widget`` (once); never if the
    widget is destroyed first."""
    _NextPaint(widget, callback, delay_ms)
