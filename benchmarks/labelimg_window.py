"""labelImg's cold start for the comparison in benchmarks/cold_start.py: its main window, shown, to
its first paint. Run with the Python of a separate venv holding labelImg (PyQt5), as a script:
`/tmp/labelimg-venv/bin/python benchmarks/labelimg_window.py`; prints the same `first-paint
<time.monotonic()>` line as the app's probe, then quits.
"""

import sys
import time

from labelImg.labelImg import get_main_app  # labelImg's own start: QApplication, MainWindow, show()
from PyQt5.QtCore import QEvent, QObject, QTimer
from PyQt5.QtWidgets import QApplication


class Probe(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"first-paint {time.monotonic():.6f} heavy=-", flush=True)
        QApplication.quit()


app, window = get_main_app(sys.argv[:1])
probe = Probe(window)
window.installEventFilter(probe)
sys.exit(app.exec_())
