"""The open pose as an editable document: its undo commands and the mask clipboard."""
