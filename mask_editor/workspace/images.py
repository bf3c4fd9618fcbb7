"""The image cache: pose images as files named by their SHA-256, beside the workspace file.

Bytes are stored exactly as downloaded (never re-encoded), so the cache is also what the canvas
decodes. Writes go to a temporary file first and are renamed, so a crash never leaves half an image.
"""

from __future__ import annotations

from pathlib import Path

from mask_editor.workspace.atomic import atomic_write


class ImageCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store the bytes if new; returns their SHA-256."""
        import hashlib  # only when storing: keeps ~3 ms off the window's start

        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
        return digest

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()
