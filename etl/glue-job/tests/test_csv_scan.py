"""The CSV scan: the contract's reading of CSV, which the local runner's DuckDB reader gives (its words, its lines)."""

from __future__ import annotations

import pytest

from csv_scan import FileScan, MalformedRecord, record_text, scan_csv
from etl_errors import EtlInputError

HEADER = b"track_id,track_popularity\n"
TOO_MANY = "TOO MANY COLUMNS: Expected Number of Columns: 2 Found: {}"
MISSING = "MISSING COLUMNS: Expected Number of Columns: 2 Found: 1"
UNQUOTED = "UNQUOTED VALUE: Value with unterminated quote found."
INVALID = "INVALID ENCODING: Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded."


def scan(body: bytes, header: bytes = HEADER) -> FileScan:
    return scan_csv(header + body, 2, "/staging/tracks/tracks.csv")


def bad(index: int, line: int, text: str, problem: str) -> MalformedRecord:
    return MalformedRecord(index, line, text, f"tracks.csv line {line}: {problem}")


def test_counts_records_not_lines_and_finds_nothing_wrong_in_good_ones() -> None:
    body = b't1,10\n"multi\nline, ""quoted""",20\n\nt3,\n"",""\nt5,50'
    assert scan(body) == FileScan("\n", 5, [])
    assert scan(b"") == FileScan("\n", 0, [])
    assert scan_csv(b"track_id,track_popularity", 2, "x.csv") == FileScan("\n", 0, [])


def test_numbers_records_by_position_and_lines_as_duckdb_does() -> None:
    # Lines: records and empty lines from the header as line 1; a multi-line record counts once.
    body = b't1,10\n"a\nb",20,x,y\n\n\nt3\nt4,40\n'
    assert scan(body).malformed == [
        # DuckDB names the first extra field (header + 1), however many there are.
        bad(2, 3, '"a\nb",20,x,y', TOO_MANY.format(3)),
        bad(3, 6, "t3", MISSING),
    ]


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (b"t1,10,x", TOO_MANY.format(3)),
        (b'x "y,z",1', TOO_MANY.format(3)),
        (b"t1,10,", TOO_MANY.format(3) + " (the extra fields are empty)"),
        (b't1,10,,""', TOO_MANY.format(4) + " (the extra fields are empty)"),
        (b"t1", MISSING),
        (b"   ", MISSING),
        (b'"t1"x,10', UNQUOTED),
        (b'"a""b"c,10', UNQUOTED),
        (b'"t1"\t,10', UNQUOTED),
        (b'"t1" x,10', UNQUOTED),
        (b't1,"10"x', UNQUOTED),
        (b"t\xff1,10", INVALID),
        (b"t\xed\xa0\x801,10", INVALID),
        # Several problems: the first in the record, as DuckDB reports it.
        (b"t\xff1,10,x", INVALID),
        (b"t1,10,x\xff", TOO_MANY.format(3)),
    ],
)
def test_finds_each_kind_of_malformed_record_in_duckdbs_words(record: bytes, problem: str) -> None:
    result = scan(b"t0,0\n" + record + b"\nt2,20\n")
    assert result.records == 3
    assert result.malformed == [bad(2, 3, record_text(record), problem)]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"t\xff1", "t?1"),
        (b"t\xc0\xaf1", "t??1"),
        (b"t\xed\xa0\x801", "t???1"),
        # The lead byte announces three bytes: the `1` goes with them, as in DuckDB's text of the record.
        (b"t\xe2\x821,10", "t???,10"),
        ("é\ufffd".encode(), "é\ufffd"),
    ],
)
def test_a_records_invalid_bytes_read_as_duckdb_writes_them(raw: bytes, text: str) -> None:
    assert record_text(raw) == text


@pytest.mark.parametrize("record", [b'"t1" ,10', b't1,"10"  ', b't"1,10', b"t1,1\x000", "t\ufffd1,10".encode()])
def test_takes_what_both_readers_take(record: bytes) -> None:
    # Spaces after a closing quote, a quote inside an unquoted value, NUL, and a U+FFFD written as UTF-8.
    assert scan(record + b"\n").malformed == []


def test_an_unterminated_quote_runs_to_the_end_of_the_file() -> None:
    for body, text in [
        (b't1,10\nt2,"20\nt3,30\n', 't2,"20\nt3,30\n'),
        (b't1,10\n"t2,20\nt3,30', '"t2,20\nt3,30'),
    ]:
        assert scan(body) == FileScan("\n", 2, [bad(2, 3, text, UNQUOTED)])


def test_a_crlf_file_keeps_crlf_inside_quotes_and_ends_records_with_crlf() -> None:
    header = HEADER.replace(b"\n", b"\r\n")
    result = scan(b'"t\r\n1",10\r\n\r\nt2,20,x\r\n"t3" \r\n', header)
    assert result.line_separator == "\r\n"
    assert result.records == 3
    assert result.malformed == [bad(2, 4, "t2,20,x", TOO_MANY.format(3)), bad(3, 5, '"t3" ', MISSING)]


def test_a_cr_after_a_closing_quote_in_an_lf_file_is_text_after_the_quote() -> None:
    assert scan(b't1,"10" \r\nt2,20\n').malformed == [bad(1, 2, 't1,"10" \r', UNQUOTED)]


@pytest.mark.parametrize(
    ("header", "body", "message"),
    [
        (HEADER, b"t1,10\r\nt2,20\n", "line 2: a CR outside quotes, but the header ends its line with LF"),
        (HEADER, b"t1,1\r0\n", "line 2: a CR outside quotes, but the header ends its line with LF"),
        (HEADER.replace(b"\n", b"\r\n"), b"t1,10\nt2,20\r\n", "line 2: a line break without CR, but the header"),
        (HEADER.replace(b"\n", b"\r\n"), b"t1,10\rt2,20\r\n", "line 2: a CR without LF, but the header"),
    ],
)
def test_refuses_a_file_mixing_line_endings_naming_it_and_the_line(header: bytes, body: bytes, message: str) -> None:
    with pytest.raises(EtlInputError) as raised:
        scan(body, header)
    assert raised.value.file == "/staging/tracks/tracks.csv"
    assert message in str(raised.value)


def test_skips_a_byte_order_mark() -> None:
    assert scan(b"t1,10\nt2\n", b"\xef\xbb\xbf" + HEADER) == FileScan("\n", 2, [bad(2, 3, "t2", MISSING)])
