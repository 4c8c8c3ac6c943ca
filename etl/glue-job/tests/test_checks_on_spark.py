"""The ETL SQL's checks on Spark: the values Spark's regex anchors and casts used to let through are bad values here,
as on DuckDB (packages/contract/test/etl-sql runs the same checks on DuckDB)."""

from __future__ import annotations

from typing import Any

import pytest
from pyspark.sql.types import LongType, StringType, StructField, StructType

from conftest import ETL_SQL
from etl_sql import parse_etl_sql
from spotify_contract import CONTRACT

GOOD = {
    "track_name": "Song",
    "track_id": "t1",
    "duration_ms": "1000",
    "album_name": "Album",
    "release_date": "2016-11-10",
    "label": "L",
    "album_popularity": "10",
    "album_id": "al1",
    "artist_id": "ar1",
    "duration_sec": "1.0",
}


def checked_albums(spark: Any, rows: list[dict[str, str]]) -> list[Any]:
    fields: list[str] = CONTRACT["sources"]["albums"]["fields"]
    schema = StructType(
        [StructField("_record", LongType()), StructField("_raw_line", StringType())]
        + [StructField("_parse_error", StringType())]
        + [StructField(f, StringType()) for f in fields]
    )
    data = [(i + 1, None, None, *[{**GOOD, **row}[f] for f in fields]) for i, row in enumerate(rows)]
    spark.createDataFrame(data, schema).createOrReplaceTempView("raw_albums")
    with open(ETL_SQL, encoding="utf-8") as handle:
        statement = next(s for s in parse_etl_sql(handle.read()) if s.name == "checked_albums")
    checked: list[Any] = spark.sql(statement.sql).orderBy("_record").collect()
    return checked


@pytest.mark.parametrize(
    ("field", "value", "detail"),
    [
        # Java's `$` matches before a final line break, and Spark's casts trim it: these were 42, 1.5, a date.
        ("album_popularity", "42\n", "album_popularity: not an integer"),
        ("duration_ms", "1000\r\n", "duration_ms: not an integer"),
        ("duration_sec", "1.5\r\n", "duration_sec: not a number"),
        ("release_date", "2016-11-10\n", "release_date: not a date"),
        ("release_date", "2016\n", "release_date: not a date"),
        # Both engines cast these to Infinity; the contract's numbers are finite.
        ("duration_sec", "1e400", "duration_sec: not a finite number (beyond the double range)"),
        ("duration_sec", "-1e400", "duration_sec: not a finite number (beyond the double range)"),
        ("duration_sec", "1e-400", None),
        ("album_popularity", " 42 ", None),
    ],
)
def test_a_value_followed_by_a_line_break_or_beyond_the_double_range_is_a_bad_value(
    spark: Any, field: str, value: str, detail: str | None
) -> None:
    [row] = checked_albums(spark, [{field: value}])
    if detail is None:
        assert row["_detail"] is None
    else:
        assert row["_detail"].startswith(detail)
