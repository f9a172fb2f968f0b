"""Errors the domain raises. Every message is a sentence a clerk can act on."""


class ClerkError(Exception):
    """Base of every error Clerk reports to a user as one clear line."""


class RuleViolation(ClerkError):
    """A recorded action would break a procedural rule; nothing was changed."""


class RecordFormatError(ClerkError):
    """Input (a meeting record or a script line) is malformed; ``path`` says where."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
