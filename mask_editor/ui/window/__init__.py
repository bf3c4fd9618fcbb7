"""The main window and its assembly: the application, actions and menus, status bar, banners, wiring."""
