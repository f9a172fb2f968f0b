"""Errors the domain raises. Every message is a sentence a clerk can act on."""


class ClerkError(Exception):
    """Base of every error Clerk reports to a user as one clear line."""


class RuleViolation(ClerkError):
    """A recorded action would break a procedural rule; nothing was changed."""


class RecordFormatError(ClerkError):
    """Input (a meeting record or a script line) is malformed; ``path`` says where."""

    def __init__(self, path: str, problem: str) -> None:
        path, problem = one_line(path), one_line(problem)
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def one_line(text: str) -> str:
    """Input quoted in a message stays on one line: control characters are shown escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
