"""Regression guard: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
method that returns nothing, and the process aborts ("none_dealloc") after a few thousand calls.
We pin <6.12; this test makes sure an upgrade cannot bring the bug back unnoticed."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QWidget

CALLS = 5000


def test_void_calls_do_not_leak_references_to_none():
    app = QApplication.instance() or QApplication([])
    scene = QGraphicsScene()
    item = QGraphicsRectItem(QRectF(0, 0, 10, 10))
    scene.addItem(item)
    widget = QWidget()
    pen = QPen()
    before = sys.getrefcount(None)
    for i in range(CALLS):
        item.setPen(pen)
        item.setSelected(i % 2 == 0)
        widget.setWindowTitle("t")
    after = sys.getrefcount(None)
    # Each leaked call would lower the count by one: 3 x 5000 calls would show as -15000.
    assert after >= before - 100, f"None lost {before - after} references over {3 * CALLS} void calls"
    widget.deleteLater()
    app.processEvents()
