"""Reads a CSV file's bytes the way the contract reads CSV, before Spark does, to enforce what Spark's reader does not.

The contract's CSV (the local runner's DuckDB reader, packages/contract/src/csv-rules.ts): RFC 4180 with `,` and `"`,
UTF-8, records ending with the header's line ending (LF or CRLF). A record is malformed when it has another number of
fields than the header, when a quote is never closed, when text follows a closing quote (spaces may), or when it is
not valid UTF-8. Spark's reader finds the first two kinds itself but takes the others as valid rows (`"x"y` is read as
`"x"y`, invalid bytes become U+FFFD, an unclosed quote in the last field just ends with the file), so the job scans
every file once, finds all malformed records with their text and problem, and Spark's rows at those positions become
malformed rows. The scan also numbers records as the contract does (1-based among the file's records, malformed ones
included; the header and empty lines are not records) and as DuckDB numbers lines (records and empty lines from the
header as line 1), which the problem text names.

A file whose records do not all end with the header's line ending (a CRLF record in an LF file, a lone LF in a CRLF
file, a CR elsewhere outside quotes) cannot be read the same by both readers (Spark joins or splits records where
DuckDB does not, and DuckDB refuses such a file): it is refused as a whole, naming the file and line.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from dataclasses import dataclass

from etl_errors import EtlInputError

LF = 0x0A
CR = 0x0D
QUOTE = 0x22
COMMA = 0x2C
SPACE = 0x20
UTF8_BOM = b"\xef\xbb\xbf"

# DuckDB's words for each problem (error_type: error_message), so that a malformed row reads the same whichever
# engine found it.
TOO_MANY = "TOO MANY COLUMNS: Expected Number of Columns: {expected} Found: {found}"
MISSING = "MISSING COLUMNS: Expected Number of Columns: {expected} Found: {found}"
UNQUOTED = "UNQUOTED VALUE: Value with unterminated quote found."
INVALID_UTF8 = "INVALID ENCODING: Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded."

# A record without quotes or CR: almost every record, read with one regex match (C speed) and a comma count.
SIMPLE_LF = re.compile(rb'[^"\r\n]*\n')
SIMPLE_CRLF = re.compile(rb'[^"\r\n]*\r\n')
QUOTED = re.compile(rb'"(?:[^"]|"")*"')
UNQUOTED_TEXT = re.compile(rb"[^,\r\n]*")
SPACES = re.compile(rb" *")
# Extra fields that are all empty (`a,b,c,` or `a,b,c,""` under a 3-column header): DuckDB's reader takes such a
# record as valid, the local runner moves it to the malformed rows with this note, and so does the scan.
EMPTY_EXTRA_FIELDS = re.compile(rb'(?:,(?:"")?)*')
EMPTY_EXTRA_NOTE = " (the extra fields are empty)"


@dataclass(frozen=True)
class MalformedRecord:
    """A record the contract calls malformed."""

    # 1-based position among the file's records (the header and empty lines are not records).
    index: int
    # DuckDB's line number: records and empty lines counted from the header as line 1.
    line: int
    # The record as written, without the line break that ends it (invalid bytes as U+FFFD).
    text: str
    # What is wrong, in DuckDB's words, e.g. `TOO MANY COLUMNS: Expected Number of Columns: 5 Found: 6`.
    problem: str


@dataclass(frozen=True)
class FileScan:
    # "\n" or "\r\n": the header's line ending, which every record of the file ends with.
    line_separator: str
    records: int
    malformed: list[MalformedRecord]


class _InvalidBytes:
    """Byte offsets of invalid UTF-8 in a file, found by the C decoder (an error handler records each)."""

    def __init__(self, data: bytes) -> None:
        self.starts: list[int] = []
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            codecs.register_error("spotify_lake_scan", self._record)
            data.decode("utf-8", errors="spotify_lake_scan")

    def _record(self, error: UnicodeError) -> tuple[str, int]:
        assert isinstance(error, UnicodeDecodeError)
        self.starts.append(error.start)
        return ("\ufffd", error.end)

    def first_in(self, start: int, end: int) -> int | None:
        """The first invalid byte in [start, end), if any."""
        if not self.starts:
            return None
        at = bisect_left(self.starts, start)
        return self.starts[at] if at < len(self.starts) and self.starts[at] < end else None


@dataclass
class _Record:
    end: int  # where its text ends (before its line break)
    next: int  # where the next line starts
    fields: int
    # Position and problem of the first problem found by the field rules, if any.
    problem_at: int | None = None
    problem: str | None = None


def scan_csv(data: bytes, header_fields: int, uri: str) -> FileScan:
    """Scans a whole CSV file. Problems name it by its base name, as DuckDB's do; errors by its URI."""
    name = uri.rstrip("/").rsplit("/", 1)[-1]
    start = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    crlf = _header_ends_with_crlf(data, start)
    separator = b"\r\n" if crlf else b"\n"
    simple = SIMPLE_CRLF if crlf else SIMPLE_LF
    invalid = _InvalidBytes(data)
    size = len(data)

    # The header is the first record; it was parsed already (csv_header.py), only its end matters here.
    header = _read_record(data, start, crlf, uri, 1)
    pos = header.next
    line = 1
    records = 0
    malformed: list[MalformedRecord] = []
    while pos < size:
        line += 1
        match = simple.match(data, pos)
        if match is not None:
            end = match.end() - len(separator)
            if end == pos:  # an empty line: not a record
                pos = match.end()
                continue
            record = _Record(end, match.end(), data.count(b",", pos, end) + 1)
        else:
            record = _read_record(data, pos, crlf, uri, line)
        records += 1
        problems: list[tuple[int, str]] = []
        if record.problem_at is not None and record.problem is not None:
            problems.append((record.problem_at, record.problem))
        found = record.fields
        if record.fields > header_fields:
            extra = _field_start(data, pos, record.end, header_fields)
            empty = record.problem is None and EMPTY_EXTRA_FIELDS.fullmatch(data, extra, record.end) is not None
            # DuckDB reports each extra field; the first (header + 1) is the one a malformed row names. The local
            # runner names the real count when the extra fields are empty (DuckDB takes those records).
            found = record.fields if empty else header_fields + 1
            problems.append((extra, TOO_MANY + (EMPTY_EXTRA_NOTE if empty else "")))
        elif record.fields < header_fields and record.problem is None:
            problems.append((record.end, MISSING))
        bad_byte = invalid.first_in(pos, record.end)
        if bad_byte is not None:
            problems.append((bad_byte, INVALID_UTF8))
        if problems:
            # A record with several problems is reported with the first in the file, as DuckDB reports it.
            problem = min(problems)[1].format(expected=header_fields, found=found)
            text = record_text(data[pos : record.end])
            malformed.append(MalformedRecord(records, line, text, f"{name} line {line}: {problem}"))
        pos = record.next
    return FileScan("\r\n" if crlf else "\n", records, malformed)


def record_text(raw: bytes) -> str:
    """A record's bytes as text, an invalid UTF-8 sequence as one `?` per byte its lead byte announces (what DuckDB's
    reader writes in place of what it cannot decode, so a malformed row's raw_line is the same on both engines)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    at = 0
    while at < len(raw):
        lead = raw[at]
        length = 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4 if lead < 0xF8 else 1
        chunk = raw[at : at + length]
        try:
            parts.append(chunk.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append("?" * len(chunk))
        at += len(chunk)
    return "".join(parts)


def _header_ends_with_crlf(data: bytes, start: int) -> bool:
    in_quotes = False
    for index in range(start, len(data)):
        byte = data[index]
        if byte == QUOTE:
            in_quotes = not in_quotes
        elif byte == LF and not in_quotes:
            return index > start and data[index - 1] == CR
    return False


def _field_start(data: bytes, pos: int, end: int, n: int) -> int:
    """Where the record's field after the n-th begins (the first extra field): a quote opens only at a field's start."""
    fields = 0
    at = pos
    at_start = True
    while at < end:
        if at_start and data[at] == QUOTE:
            match = QUOTED.match(data, at)
            at = match.end() if match else end
            at_start = False
            continue
        at_start = False
        if data[at] == COMMA:
            fields += 1
            at_start = True
            if fields == n:
                return at
        at += 1
    return end


def _read_record(data: bytes, pos: int, crlf: bool, uri: str, line: int) -> _Record:
    """Reads one record field by field: quotes, text after a closing quote, line endings."""
    size = len(data)
    fields = 1
    problem_at: int | None = None
    problem: str | None = None
    at = pos
    while True:
        # At the start of a field.
        if at < size and data[at] == QUOTE:
            quoted = QUOTED.match(data, at)
            if quoted is None:
                # Never closed: the record runs to the end of the file, line breaks and all.
                return _Record(size, size, fields, at if problem_at is None else problem_at, problem or UNQUOTED)
            at = _match_end(SPACES, data, quoted.end())
            if at < size and data[at] not in (COMMA, LF) and not (crlf and _is_crlf(data, at)):
                if problem_at is None:
                    problem_at, problem = at, UNQUOTED
                # The rest of the field is text, quotes included, up to the next comma or line break.
                at = _unquoted_end(data, at, crlf, uri, line, after_quote=True)
        else:
            at = _unquoted_end(data, at, crlf, uri, line, after_quote=False)
        if at >= size:
            return _Record(size, size, fields, problem_at, problem)
        if data[at] == COMMA:
            fields += 1
            at += 1
            continue
        # A line break: LF, or CRLF in a CRLF file (anything else was refused by _unquoted_end).
        if crlf:
            return _Record(at, at + 2, fields, problem_at, problem)
        return _Record(at, at + 1, fields, problem_at, problem)


def _match_end(pattern: re.Pattern[bytes], data: bytes, at: int) -> int:
    """The end of a match of a pattern that matches anywhere (it may match nothing)."""
    match = pattern.match(data, at)
    assert match is not None
    return match.end()


def _is_crlf(data: bytes, at: int) -> bool:
    return data[at] == CR and at + 1 < len(data) and data[at + 1] == LF


def _unquoted_end(data: bytes, at: int, crlf: bool, uri: str, line: int, after_quote: bool) -> int:
    """The end of an unquoted field (or of the text after a closing quote): a comma, the line break, or the end."""
    size = len(data)
    end = _match_end(UNQUOTED_TEXT, data, at)
    if end >= size or data[end] == COMMA:
        return end
    if crlf:
        if _is_crlf(data, end):
            return end
        what = "a line break without CR" if data[end] == LF else "a CR without LF"
        raise _mixed(uri, line, what, "CRLF")
    if data[end] == LF:
        return end
    # A CR in an LF file, outside quotes.
    if after_quote:
        # DuckDB reads this CR as text after the closing quote: the record is malformed, not the file.
        return _unquoted_end(data, end + 1, crlf, uri, line, after_quote=True) if end + 1 < size else size
    raise _mixed(uri, line, "a CR outside quotes", "LF")


def _mixed(uri: str, line: int, what: str, ending: str) -> EtlInputError:
    return EtlInputError(
        uri,
        f"{what}, but the header ends its line with {ending}: every record of a file must end with the header's "
        "line ending (LF or CRLF); a file mixing them cannot be read the same by every engine",
        row=line,
    )
