"""mask_editor: the desktop occlusion-mask editor for Pyronear's wildfire cameras."""

__version__ = "0.1.0"
