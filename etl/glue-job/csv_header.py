"""Reads a CSV file's header and maps its columns onto the contract's fields, by name.

Same rules as the local runner (etl/src/local/header-match.ts): names are compared trimmed and case-folded, every
contract field must appear exactly once, and unknown columns are read then ignored. Spark applies a schema by
position, so the job builds each file's schema from this mapping.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from etl_errors import EtlInputError
from etl_sql import js_trim

# A header longer than this is not a header of these sources.
MAX_HEADER_BYTES = 1 << 20


@dataclass(frozen=True)
class HeaderMatch:
    """One entry per file column: the contract field it holds, or None for a column to ignore."""

    columns: list[str | None]
    ignored: list[str]


def normalize_header_name(name: str) -> str:
    """As the local runner's `name.trim().toLowerCase()` (JavaScript's whitespace, not Python's)."""
    return js_trim(name).lower()


def first_record(head: bytes, uri: str) -> str:
    """The text of the first CSV record (quoted line breaks included) from the start of a file."""
    in_quotes = False
    for index, byte in enumerate(head):
        if byte == 0x22:
            in_quotes = not in_quotes
        elif byte == 0x0A and not in_quotes:
            head = head[:index]
            break
    else:
        if len(head) >= MAX_HEADER_BYTES:
            raise EtlInputError(uri, f"has no header line within its first {MAX_HEADER_BYTES} bytes", row=1)
    try:
        return head.decode("utf-8-sig").rstrip("\r")
    except UnicodeDecodeError as error:
        raise EtlInputError(uri, f"header is not UTF-8 text ({error.reason} at byte {error.start})", row=1) from None


def parse_header(head: bytes, uri: str) -> list[str]:
    if head.strip() == b"":
        raise EtlInputError(uri, "is empty: expected a header line and data rows")
    try:
        return next(csv.reader(io.StringIO(first_record(head, uri)), strict=True))
    except csv.Error as error:
        raise EtlInputError(uri, f"header is not valid CSV ({error})", row=1) from None


def match_header(uri: str, header: Sequence[str], fields: Sequence[str]) -> HeaderMatch:
    by_name = {normalize_header_name(f): f for f in fields}
    positions: dict[str, list[int]] = {}
    for position, name in enumerate(header):
        field = by_name.get(normalize_header_name(name))
        if field is not None:
            positions.setdefault(field, []).append(position)

    missing = [f for f in fields if f not in positions]
    if missing:
        found = ", ".join(f'"{h}"' for h in header)
        what = "required column is" if len(missing) == 1 else "required columns are"
        raise EtlInputError(uri, f"{what} missing from the header (found: {found})", row=1, column=", ".join(missing))
    for field, at in positions.items():
        if len(at) > 1:
            names = " and ".join(f'"{header[p]}"' for p in at)
            raise EtlInputError(
                uri,
                f"appears {len(at)} times in the header ({names}); a field must have one column",
                row=1,
                column=field,
            )

    columns = [by_name.get(normalize_header_name(name)) for name in header]
    ignored = [name for name, field in zip(header, columns, strict=True) if field is None]
    return HeaderMatch(columns, ignored)
