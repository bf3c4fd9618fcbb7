"""The docked panels around the canvas: poses, masks table, inspector, timeline, undo history."""
