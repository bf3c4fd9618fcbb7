"""The canvas: a pose image and its masks, edited with the mouse and the keyboard."""

from mask_editor.ui.canvas.view import CanvasView

__all__ = ["CanvasView"]
