"""Errors the Glue job reports as a failed run with a message naming what to fix."""

from __future__ import annotations


class EtlInputError(ValueError):
    """Input that cannot be processed as a whole (a missing file or column): nothing is published.

    Like the local runner's EtlInputError: the message is `<file>[, line <n>][, column <c>]: <problem>`, and the
    parts are kept so that a caller can point at them.
    """

    def __init__(self, file: str, problem: str, row: int | None = None, column: str | None = None) -> None:
        where = ", ".join(
            part
            for part in (file, f"line {row}" if row is not None else None, f"column {column}" if column else None)
            if part is not None
        )
        super().__init__(f"{where}: {problem}")
        self.file = file
        self.problem = problem
        self.row = row
        self.column = column


class JobArgumentError(ValueError):
    """A job argument is missing or invalid."""
