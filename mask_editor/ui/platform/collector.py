"""Python's cycle collector, run on the GUI thread from the event loop only.

By default the collector runs in whichever thread happens to allocate, at whatever point it is: a
network or sync worker thread, or the middle of a Qt layout pass. Collecting a cycle that holds Qt
wrappers there destroys Qt objects from the wrong thread, or under a Qt call that is still using them,
and crashes (seen here: a segfault in QLayout::activate after a collection inside show_pose). So
automatic collection is off, and a timer collects on the GUI thread between events, with the usual
generation thresholds.

Once the window is up and filled, what start-up made (modules, classes, the window's wrappers: most
of what the collector tracks, and all of it lives as long as the app) is frozen out of its reach, so
that a full collection walks only what came later: ~20 ms less for each one between two frames.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def collect_if_due(self) -> int:
        """Collect the generations whose thresholds were passed; returns how many objects went."""
        count0, count1, count2 = gc.get_count()
        threshold0, threshold1, threshold2 = self._thresholds
        if count0 <= threshold0:
            return 0
        generation = 2 if count2 > threshold2 else 1 if count1 > threshold1 else 0
        return gc.collect(generation)


def install(app: QObject) -> GuiThreadCollector:
    """One collector per application, living as long as `app`; automatic collection goes off."""
    existing = app.findChild(GuiThreadCollector)
    gc.disable()
    return existing if existing is not None else GuiThreadCollector(app)


def freeze_start_up() -> None:
    """Keep every object tracked now out of all later collections (gc.freeze): called once start-up is
    done. A cycle made before it and dropped later stays in memory; start-up makes few of them."""
    gc.freeze()
