"""Domain errors, each tied to the exit code of DESIGN.md; translated once, in cli.py."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_CORPUS = 3
EXIT_INTERNAL = 70  # a bug in kzconst (EX_SOFTWARE); reported in one line
EXIT_NO_MEMORY = 71  # out of memory (EX_OSERR): the machine, not kzconst
EXIT_IO = 74  # the output cannot be written: closed, disk full, file too big (EX_IOERR)
EXIT_INTERRUPTED = 130


class KzconstError(Exception):
    """Base of every expected failure; `exit_code` is what the process returns."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(KzconstError):
    """A malformed reference, a bad option value, an empty query."""

    exit_code = EXIT_USAGE


class NotFoundError(KzconstError):
    """A well-formed request for something that does not exist, or no hits."""

    exit_code = EXIT_NOT_FOUND


class CorpusError(KzconstError):
    """The corpus file is missing, unreadable or invalid."""

    exit_code = EXIT_CORPUS


class InputOutputError(KzconstError):
    """Standard input or output is closed or cannot be written (disk full, file too big)."""

    exit_code = EXIT_IO
