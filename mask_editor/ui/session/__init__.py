"""The signed-in account in the window: the session, the sync runner, conflict decisions."""
