"""The "What masks do" dock: the detection size, the suppression zone switch and its legend, and
the area tool (draw an area or propose the sky, then apply or discard the proposed masks)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mask_editor.ui.insight.sizes import CUSTOM, PRESETS, DetectionSize


class InsightPanel(QWidget):
    sizeChanged = Signal(object)  # DetectionSize

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = QComboBox(self)
        self.preset.setObjectName("detection_size")
        for text, _px in PRESETS:
            self.preset.addItem(QCoreApplication.translate("DetectionSize", text))
        self.preset.addItem(QCoreApplication.translate("DetectionSize", CUSTOM))
        self.custom = QWidget(self)
        self.custom_w, self.custom_h = QDoubleSpinBox(self.custom), QDoubleSpinBox(self.custom)
        self.unit = QComboBox(self.custom)
        self.unit.addItems(["px", self.tr("% of image")])
        row = QHBoxLayout(self.custom)
        row.setContentsMargins(0, 0, 0, 0)
        for spin, tip in ((self.custom_w, self.tr("Detection width")), (self.custom_h, self.tr("Detection height"))):
            spin.setRange(1, 4000)
            spin.setValue(48)
            spin.setDecimals(1)
            spin.setToolTip(tip)
            row.addWidget(spin)
        row.addWidget(self.unit)
        self.custom.hide()
        size_form = QFormLayout()
        size_form.addRow(self.tr("Detection size"), self.preset)
        size_form.addRow("", self.custom)

        self.show_zone = QCheckBox(self.tr("Shade the suppression zone"), self)
        self.show_zone.setObjectName("show_zone_box")
        self.zone_text = QLabel(self.tr("The devices drop a detection only when its overlap with a mask (IoU) is "
                                        "above 0.1: a big mask does not silence a small detection inside it."), self)
        self.zone_text.setWordWrap(True)
        zone = QGroupBox(self.tr("Suppression zone"), self)
        zone_layout = QVBoxLayout(zone)
        zone_layout.addWidget(self.show_zone)
        zone_layout.addWidget(self.zone_text)

        self.draw_area = QPushButton(self.tr("Draw area"), self)
        self.draw_area.setCheckable(True)
        self.draw_area.setToolTip(self.tr("Then drag a rectangle on the image"))
        self.sky = QPushButton(self.tr("Propose sky area"), self)
        self.sky.setObjectName("propose_sky_button")
        self.sky.setToolTip(self.tr("Estimate where the sky is on this pose image and cover it (for admins "
                                    "preparing a camera)"))
        self.apply = QPushButton(self.tr("Apply"), self)
        self.apply.setObjectName("apply_cover")
        self.discard = QPushButton(self.tr("Discard"), self)
        self.apply.setEnabled(False)
        self.discard.setEnabled(False)
        self.area_text = QLabel(self.tr("Choose an area: every detection of the size above lying inside it will "
                                        "be dropped by the fewest masks found."), self)
        self.area_text.setWordWrap(True)
        area = QGroupBox(self.tr("Cover an area"), self)
        buttons = QHBoxLayout()
        for button in (self.draw_area, self.sky):
            buttons.addWidget(button)
        decide = QHBoxLayout()
        for button in (self.apply, self.discard):
            decide.addWidget(button)
        area_layout = QVBoxLayout(area)
        # Apply / Discard right under the tools, above the wrapped text: a short dock at 1366x768 cut
        # them off when they came last.
        area_layout.addLayout(buttons)
        area_layout.addLayout(decide)
        area_layout.addWidget(self.area_text)

        layout = QVBoxLayout(self)
        layout.addLayout(size_form)
        layout.addWidget(zone)
        layout.addWidget(area)
        layout.addStretch(1)

        self.preset.currentIndexChanged.connect(self._on_size)
        for spin in (self.custom_w, self.custom_h):
            spin.valueChanged.connect(self._on_size)
        self.unit.currentIndexChanged.connect(self._on_unit)

    def size(self) -> DetectionSize:
        index = self.preset.currentIndex()
        if index < len(PRESETS):
            px = PRESETS[index][1]
            return DetectionSize(px, px)
        unit = "px" if self.unit.currentIndex() == 0 else "%"
        return DetectionSize(self.custom_w.value(), self.custom_h.value(), unit)

    def set_size(self, size: DetectionSize) -> None:
        for i, (_text, px) in enumerate(PRESETS):
            if size == DetectionSize(px, px):
                self.preset.setCurrentIndex(i)
                return
        self.unit.setCurrentIndex(0 if size.unit == "px" else 1)
        self.custom_w.setValue(size.width)
        self.custom_h.setValue(size.height)
        self.preset.setCurrentIndex(len(PRESETS))

    def _on_unit(self) -> None:
        percent = self.unit.currentIndex() == 1
        for spin in (self.custom_w, self.custom_h):
            spin.blockSignals(True)
            spin.setRange(0.1, 100) if percent else spin.setRange(1, 4000)
            spin.setValue(5.0 if percent else 48)
            spin.blockSignals(False)
        self._on_size()

    def _on_size(self) -> None:
        self.custom.setVisible(self.preset.currentIndex() >= len(PRESETS))
        self.sizeChanged.emit(self.size())
