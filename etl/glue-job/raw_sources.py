"""The job's inputs: each source's files, checked and scanned, then read by Spark into the raw views of the ETL SQL.

The raw view `raw_<source>` holds every record of the source (the contract's RAW_VIEW_COLUMNS, then each field as
text, NULL when empty), numbered as the contract numbers them: `_record` is the 1-based position among all records
of the source, its files taken in name order, malformed records included (packages/contract/src/quarantine.ts).
Each file is read on its own, with its header's column order and line ending, as one Spark partition (a multiLine CSV
file is never split), so its records keep their order; the files' offsets come from their record counts.

Spark's reader accepts some records the contract calls malformed (csv_scan.py): the scan of each file lists every
malformed record, and the raw view takes its text and problem from the scan. Spark's own corrupt records must be among
them, and both must count the same records per file; otherwise the readers disagree and the run stops rather than
guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

from csv_header import MAX_HEADER_BYTES, HeaderMatch, match_header, parse_header
from csv_scan import FileScan, scan_csv
from etl_errors import EtlInputError
from spotify_contract import CONTRACT
from storage import Storage, StoredFile, is_hidden

Emit = Callable[[dict[str, Any]], None]

# Spark's own name for the column that receives a record it could not parse.
CORRUPT_COLUMN = "_corrupt_record"
# RFC 4180 as the contract reads it. Spark's default escape is a backslash: it must be '"' so that `""` inside quotes
# is a quote. PERMISSIVE keeps malformed records in CORRUPT_COLUMN instead of failing the job; multiLine lets quoted
# fields hold line breaks and makes each file one split. `lineSep` is set per file (its header's line ending):
# without it Spark turns a CRLF inside quotes into LF.
CSV_READ_OPTIONS = {
    "header": "true",
    "enforceSchema": "true",
    "multiLine": "true",
    "mode": "PERMISSIVE",
    "columnNameOfCorruptRecord": CORRUPT_COLUMN,
    "sep": ",",
    "quote": '"',
    "escape": '"',
    "encoding": "UTF-8",
    "ignoreLeadingWhiteSpace": "false",
    "ignoreTrailingWhiteSpace": "false",
}
# With column pruning Spark tokenizes only the columns a query needs, and a record with too few or too many fields
# could pass as valid: every field is always parsed, so the field count is always checked.
SPARK_CONF = {"spark.sql.csv.parser.columnPruning.enabled": "false"}
# Hadoop expands glob characters in paths (`x[1].csv` would read `x1.csv`): they are escaped to read the file named.
GLOB_CHARACTERS = re.compile(r"([\\\[\]{}*?])")


@dataclass(frozen=True)
class SourceFile:
    uri: str
    header: HeaderMatch
    scan: FileScan


@dataclass(frozen=True)
class SourcePlan:
    name: str
    fields: list[str]
    raw_view: str
    prefix: str
    files: list[SourceFile]

    @property
    def ignored_columns(self) -> list[str]:
        return self.files[0].header.ignored if self.files else []


def source_prefix(staging_path: str, source: dict[str, Any]) -> str:
    """`<staging_path><source>/`: the contract's staging prefix of the source, under the given staging folder."""
    staging_zone: str = CONTRACT["lakeZones"]["staging"]
    prefix: str = source["stagingPrefix"]
    return staging_path + prefix[len(staging_zone) :]


def is_csv(file: StoredFile) -> bool:
    return not is_hidden(file.uri) and file.uri.lower().endswith(".csv")


def plan_sources(storage: Storage, staging_path: str, emit: Emit) -> list[SourcePlan]:
    """Finds every source's `.csv` files (name order), checks their headers and scans them, before Spark reads them."""
    plans = []
    for name, source in CONTRACT["sources"].items():
        prefix = source_prefix(staging_path, source)
        files = [f for f in storage.list_files(prefix) if is_csv(f)]
        if not files:
            raise EtlInputError(prefix, f"holds no .csv file for source {name} (expected {source['file']} or others)")
        fields: list[str] = list(source["fields"])
        planned = []
        for file in files:
            emit({"step": "scan", "source": name, "file": file.uri, "message": f"scan {file.uri}"})
            data = storage.read_bytes(file.uri) if file.size > 0 else b""
            header = match_header(file.uri, parse_header(data[:MAX_HEADER_BYTES], file.uri), fields)
            planned.append(SourceFile(file.uri, header, scan_csv(data, len(header.columns), file.uri)))
            del data
        first = planned[0]
        for other in planned[1:]:
            # A lake table holds one schema, so every file of a source must name the same extra columns.
            if other.header.ignored != first.header.ignored:
                raise EtlInputError(
                    other.uri,
                    f"extra columns ({', '.join(other.header.ignored) or 'none'}) differ from {first.uri} "
                    f"({', '.join(first.header.ignored) or 'none'})",
                    row=1,
                )
        plans.append(SourcePlan(name, fields, source["rawView"], prefix, planned))
    return plans


def literal_path(uri: str) -> str:
    return GLOB_CHARACTERS.sub(r"\\\1", uri)


def file_schema(match: HeaderMatch) -> StructType:
    """A file's columns in file order: contract fields, placeholders for columns to ignore, then Spark's corrupt one."""
    columns = [column if column is not None else f"_ignored_{i}" for i, column in enumerate(match.columns)]
    return StructType(
        [StructField(c, StringType(), True) for c in columns] + [StructField(CORRUPT_COLUMN, StringType(), True)]
    )


def read_file(spark: SparkSession, plan: SourcePlan, ordinal: int, file: SourceFile, spark_uri: str) -> DataFrame:
    reader = spark.read.schema(file_schema(file.header)).options(**CSV_READ_OPTIONS, lineSep=file.scan.line_separator)
    return reader.csv(literal_path(spark_uri)).selectExpr(
        f"{ordinal} AS _file",
        # One partition per file: consecutive within it, in file order.
        "monotonically_increasing_id() AS _position",
        f"{CORRUPT_COLUMN} IS NOT NULL AS _spark_corrupt",
        *plan.fields,
    )


def malformed_frame(spark: SparkSession, plan: SourcePlan) -> DataFrame:
    """The scan's malformed records: (file ordinal, index in the file, text, problem)."""
    rows = [
        (ordinal, record.index, record.text, record.problem)
        for ordinal, file in enumerate(plan.files)
        for record in file.scan.malformed
    ]
    schema = StructType(
        [
            StructField("_file", IntegerType(), False),
            StructField("_index", LongType(), False),
            StructField("_m_raw_line", StringType(), False),
            StructField("_m_problem", StringType(), False),
        ]
    )
    return spark.createDataFrame(rows, schema)


def readers_disagree(file: SourceFile, problem: str) -> RuntimeError:
    return RuntimeError(f"the CSV readers disagree on {file.uri} ({problem}); please report this file")


def read_raw_view(spark: SparkSession, plan: SourcePlan, spark_uri: Callable[[str], str]) -> tuple[DataFrame, int]:
    """The DataFrame behind a source's raw view, and its row count."""
    frames = [read_file(spark, plan, ordinal, file, spark_uri(file.uri)) for ordinal, file in enumerate(plan.files)]
    parsed = frames[0]
    for frame in frames[1:]:
        parsed = parsed.unionByName(frame)
    # Kept: positions must not change between the count below and the checks, and the checks read it once more.
    parsed = parsed.cache()
    # One pass: each file's count and first position, and the positions of the records Spark found corrupt (few).
    stats = {
        row["_file"]: row
        for row in parsed.groupBy("_file")
        .agg(
            F.count("*").alias("n"),
            F.min("_position").alias("first"),
            F.collect_list(F.when(F.col("_spark_corrupt"), F.col("_position"))).alias("corrupt"),
        )
        .collect()
    }
    offsets = []
    offset = 0
    for ordinal, file in enumerate(plan.files):
        row = stats.get(ordinal)
        counted = int(row["n"]) if row is not None else 0
        if counted != file.scan.records:
            raise readers_disagree(file, f"{file.scan.records} records scanned, {counted} read by Spark")
        first = int(row["first"]) if row is not None else 0
        scanned_malformed = {record.index for record in file.scan.malformed}
        for position in row["corrupt"] if row is not None else []:
            if position - first + 1 not in scanned_malformed:
                raise readers_disagree(file, f"Spark finds record {position - first + 1} malformed, the scan does not")
        offsets.append((ordinal, first, offset))
        offset += counted

    index = "CASE _file " + " ".join(f"WHEN {o} THEN _position - {first} + 1" for o, first, _ in offsets) + " END"
    records = "CASE _file " + " ".join(f"WHEN {o} THEN {start}" for o, _, start in offsets) + " END"
    numbered = parsed.selectExpr("*", f"CAST({index} AS BIGINT) AS _index", f"CAST({records} AS BIGINT) AS _before")
    malformed = malformed_frame(spark, plan)
    joined = numbered.join(F.broadcast(malformed), ["_file", "_index"], "left")

    record, raw_line, parse_error = CONTRACT["rawViewColumns"]
    # A malformed record's fields are NULL, as in the local runner: its text is in _raw_line.
    # Empty fields are NULL whichever way the file wrote them ("" or nothing).
    raw = joined.selectExpr(
        f"_before + _index AS {record}",
        f"_m_raw_line AS {raw_line}",
        f"_m_problem AS {parse_error}",
        *[f"CASE WHEN _m_problem IS NULL THEN NULLIF({f}, '') END AS {f}" for f in plan.fields],
    )
    return raw, offset
