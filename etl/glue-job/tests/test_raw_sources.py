"""Reading the sources into the raw views on real Spark: per-file line endings, literal paths, the contract's record
numbers across files in name order, and the scan's malformed records in place of what Spark's reader accepts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from csv_scan import FileScan
from etl_errors import EtlInputError
from raw_sources import SourceFile, SourcePlan, plan_sources, read_raw_view
from spotify_contract import CONTRACT
from storage import LocalStorage

ALBUMS = (
    "track_name,track_id,duration_ms,album_name,release_date,label,album_popularity,album_id,artist_id,duration_sec"
)
ARTISTS = "id,name,artist_popularity,followers,genre"


def stage(root: Path, files: dict[str, bytes]) -> str:
    """Writes `<source>/<name>` files under a staging folder (every source gets a file) and returns the folder."""
    defaults = {
        "albums/albums.csv": (ALBUMS + "\n").encode(),
        "artists/artists.csv": (ARTISTS + "\n").encode(),
        "tracks/tracks.csv": b"track_id,track_popularity\n",
    }
    for name, content in {**defaults, **files}.items():
        path = root / "staging" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return f"{root}/staging/"


def tracks_plan(staging: str) -> SourcePlan:
    return next(p for p in plan_sources(LocalStorage(), staging, lambda e: None) if p.name == "tracks")


def raw_rows(spark: Any, plan: SourcePlan) -> list[tuple[Any, ...]]:
    raw, count = read_raw_view(spark, plan, str)
    rows = [tuple(r) for r in raw.orderBy("_record").collect()]
    assert count == len(rows)
    return rows


def test_numbers_records_across_files_in_name_order_whatever_their_sizes(spark: Any, tmp_path: Path) -> None:
    # Spark would order files by size and may pack them into one partition; the contract reads them by name.
    staging = stage(
        tmp_path,
        {
            "tracks/tracks.csv": b"",
            "tracks/a.csv": b"track_id,track_popularity\nt1,1\n",
            "tracks/b.csv": b"track_popularity,track_id\n" + b"".join(b"%d,b%d\n" % (i, i) for i in range(50)),
            "tracks/c.csv": b"track_id,track_popularity\nc1,1\nbad\nc3,3\n",
        },
    )
    os.remove(f"{staging}tracks/tracks.csv")
    rows = raw_rows(spark, tracks_plan(staging))
    assert [r[0] for r in rows] == list(range(1, 55))
    assert [r[3] for r in rows[:3]] == ["t1", "b0", "b1"]
    assert rows[51:] == [
        (52, None, None, "c1", "1"),
        (53, "bad", "c.csv line 3: MISSING COLUMNS: Expected Number of Columns: 2 Found: 1", None, None),
        (54, None, None, "c3", "3"),
    ]


def test_reads_a_file_named_with_glob_characters_as_that_file(spark: Any, tmp_path: Path) -> None:
    staging = stage(
        tmp_path,
        {
            "tracks/tracks.csv": b"track_id,track_popularity\nplain,1\n",
            "tracks/x[1].csv": b"track_id,track_popularity\nliteral,2\n",
            "tracks/x1.csv": b"track_id,track_popularity\nglobbed,3\n",
        },
    )
    # Name order: `x1.csv` before `x[1].csv`; each file read as itself.
    assert [r[3] for r in raw_rows(spark, tracks_plan(staging))] == ["plain", "globbed", "literal"]


def test_keeps_crlf_inside_quotes_of_a_crlf_file_and_lf_of_an_lf_file(spark: Any, tmp_path: Path) -> None:
    staging = stage(
        tmp_path,
        {
            "tracks/a.csv": b'track_id,track_popularity\r\n"t\r\n1",1\r\n"t\n2",2\r\n',
            "tracks/b.csv": b'track_id,track_popularity\n"t\r\n3",3\n',
        },
    )
    os.remove(f"{staging}tracks/tracks.csv")
    assert [r[3] for r in raw_rows(spark, tracks_plan(staging))] == ["t\r\n1", "t\n2", "t\r\n3"]


def test_the_scan_makes_malformed_what_sparks_reader_takes_as_rows(spark: Any, tmp_path: Path) -> None:
    body = b'ok,1\n"x"y,2\nbad\xffbyte,3\n"t3" ,4\nlast,"5'
    staging = stage(tmp_path, {"tracks/tracks.csv": b"track_id,track_popularity\n" + body})
    rows = raw_rows(spark, tracks_plan(staging))
    assert rows == [
        (1, None, None, "ok", "1"),
        (2, '"x"y,2', "tracks.csv line 3: UNQUOTED VALUE: Value with unterminated quote found.", None, None),
        (
            3,
            "bad?byte,3",
            "tracks.csv line 4: INVALID ENCODING: Invalid unicode (byte sequence mismatch) detected. "
            "This file is not utf-8 encoded.",
            None,
            None,
        ),
        (4, None, None, "t3", "4"),
        (5, 'last,"5', "tracks.csv line 6: UNQUOTED VALUE: Value with unterminated quote found.", None, None),
    ]


def with_scan(plan: SourcePlan, records: int) -> SourcePlan:
    """The plan with a scan that counts `records` records and finds none malformed: one the readers disagree with."""
    file = plan.files[0]
    scan = FileScan(file.scan.line_separator, records, [])
    return SourcePlan(plan.name, plan.fields, plan.raw_view, plan.prefix, [SourceFile(file.uri, file.header, scan)])


def test_stops_when_the_readers_disagree_on_a_file(spark: Any, tmp_path: Path) -> None:
    staging = stage(tmp_path, {"tracks/tracks.csv": b"track_id,track_popularity\na,1\nb,2\n"})
    lying = with_scan(tracks_plan(staging), 3)
    with pytest.raises(RuntimeError, match=r"the CSV readers disagree on .*tracks.csv \(3 records scanned, 2 read"):
        read_raw_view(spark, lying, str)


def test_stops_when_spark_finds_a_record_malformed_that_the_scan_does_not(spark: Any, tmp_path: Path) -> None:
    staging = stage(tmp_path, {"tracks/tracks.csv": b"track_id,track_popularity\na,1\nb,2,3\n"})
    lying = with_scan(tracks_plan(staging), 2)
    with pytest.raises(RuntimeError, match=r"disagree on .*tracks.csv \(Spark finds record 2 malformed, the scan"):
        read_raw_view(spark, lying, str)


def test_plans_only_csv_files_and_names_a_source_without_any(tmp_path: Path) -> None:
    staging = stage(tmp_path, {"tracks/notes.txt": b"x", "tracks/_SUCCESS": b""})
    assert [os.path.basename(f.uri) for f in tracks_plan(staging).files] == ["tracks.csv"]
    os.remove(f"{staging}tracks/tracks.csv")
    with pytest.raises(EtlInputError, match=r"tracks/: holds no \.csv file for source tracks"):
        plan_sources(LocalStorage(), staging, lambda e: None)


def test_refuses_files_of_a_source_with_different_extra_columns(tmp_path: Path) -> None:
    staging = stage(
        tmp_path,
        {"tracks/a.csv": b"track_id,track_popularity,note\n", "tracks/b.csv": b"track_id,track_popularity\n"},
    )
    with pytest.raises(EtlInputError, match=r"b.csv, line 1: extra columns \(none\) differ from .*a.csv \(note\)"):
        plan_sources(LocalStorage(), staging, lambda e: None)


def test_raw_view_columns_are_the_contracts(spark: Any, tmp_path: Path) -> None:
    staging = stage(tmp_path, {"tracks/tracks.csv": b"track_id,track_popularity\n"})
    raw, count = read_raw_view(spark, tracks_plan(staging), str)
    assert raw.columns == [*CONTRACT["rawViewColumns"], "track_id", "track_popularity"]
    assert count == 0
