"""PySide6's floor for the cold-start benchmark: a bare QMainWindow, shown, to its first paint.

Run as a script (`python benchmarks/bare_window.py`), not imported: it prints the same
`first-paint <time.monotonic()>` line as the app's MASK_EDITOR_FIRST_PAINT probe, then quits.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Probe(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"first-paint {time.monotonic():.6f} heavy=-", flush=True)
        QApplication.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 760)
probe = Probe(window)
window.installEventFilter(probe)
window.show()
sys.exit(app.exec())
