"""Named items drawn over the pose image and under the masks (insight's zone, area, past detections):
one of each name at a time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene


class Overlays(Mapping[str, QGraphicsItem]):
    """The overlays by name (a read-only mapping); `put` changes them."""

    def __init__(self, scene: QGraphicsScene, z: float) -> None:
        self._scene, self._z = scene, z
        self._items: dict[str, QGraphicsItem] = {}

    def __getitem__(self, name: str) -> QGraphicsItem:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def put(self, name: str, item: QGraphicsItem | None) -> None:
        """`item` in place of the overlay of that name (None removes it)."""
        old = self._items.pop(name, None)
        if old is not None and old.scene() is self._scene:
            self._scene.removeItem(old)
        if item is not None:
            item.setZValue(self._z)
            self._scene.addItem(item)
            self._items[name] = item
