"""Modal dialogs: sign in, sync review, legacy import, export, shortcuts."""
