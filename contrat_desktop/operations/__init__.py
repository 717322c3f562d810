"""Use cases: one function per thing a user does. GUI and CLI call the same functions."""
