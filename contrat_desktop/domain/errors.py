"""Errors raised by domain rules, carrying a French message for the user."""


class ValidationError(ValueError):
    """A value or an operation breaks a rule; ``str(error)`` is a French sentence."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
