"""Errors the Glue job reports as a failed run with a message naming what to fix."""


class EtlInputError(ValueError):
    """Input that cannot be processed as a whole (a missing file or column): nothing is written."""


class JobArgumentError(ValueError):
    """A job argument is missing or invalid."""
