"""The Glue job's work, independent of Glue: read the staged CSVs, run the ETL SQL, write Parquet,
publish, and return the run manifest.

It takes a SparkSession-like object and a Storage, so tests can drive it with stubs. The SQL it runs
is the generated ETL SQL file, split by etl_sql.py exactly as the local runner splits it.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Optional, Sequence

from csv_header import MAX_HEADER_BYTES, HeaderMatch, match_header, parse_header
from etl_errors import EtlInputError, JobArgumentError
from spotify_contract import CONTRACT
from storage import S3_SCHEME, Storage, StoredFile, as_prefix, is_hidden, parent_prefix
from etl_sql import EtlStatement, parse_etl_sql

# Spark's own name for the column that receives a record it could not parse.
CORRUPT_COLUMN = "_corrupt_record"
PARQUET_CODECS = ("zstd", "snappy", "gzip", "uncompressed")
DEFAULT_COMPRESSION = "zstd"
DEFAULT_ETL_SQL = "etl.sql"
# Staged outputs go to <parent of the warehouse prefix>/_runs/<run id>/, a sibling of the tables'
# folders: never inside a table's prefix, where a crawler or query could see half a run.
RUNS_FOLDER = "_runs/"

# RFC 4180 as the local runner reads it. Spark's default escape is a backslash: it must be '"' so that
# `""` inside quotes is a quote. PERMISSIVE keeps malformed records in CORRUPT_COLUMN instead of
# failing the job; multiLine lets quoted fields hold line breaks (and makes each file one split).
CSV_READ_OPTIONS = (
    ("header", "true"),
    ("enforceSchema", "true"),
    ("multiLine", "true"),
    ("mode", "PERMISSIVE"),
    ("columnNameOfCorruptRecord", CORRUPT_COLUMN),
    ("sep", ","),
    ("quote", '"'),
    ("escape", '"'),
    ("encoding", "UTF-8"),
    ("ignoreLeadingWhiteSpace", "false"),
    ("ignoreTrailingWhiteSpace", "false"),
)
# With column pruning Spark tokenizes only the columns a query needs, and a record with too few or too
# many fields can slip through as valid: every field is always parsed so the count check holds.
SPARK_CONF = (("spark.sql.csv.parser.columnPruning.enabled", "false"),)

Log = Callable[[str], None]


@dataclass(frozen=True)
class JobArguments:
    """The job's arguments (Glue passes them as --name value)."""

    staging_path: str
    warehouse_path: str
    quarantine_path: str
    # Path of the ETL SQL file; shipped with --extra-files, Glue copies it to the working directory.
    etl_sql: str = DEFAULT_ETL_SQL
    manifest_path: Optional[str] = None
    compression: str = DEFAULT_COMPRESSION
    run_id: str = ""


@dataclass
class SourcePlan:
    name: str
    fields: List[str]
    raw_view: str
    files: List[StoredFile]
    headers: Dict[str, HeaderMatch] = field(default_factory=dict)


def validate_arguments(args: JobArguments) -> JobArguments:
    """Normalizes folder paths and checks every argument, naming the one that is wrong."""
    problems = []
    for name in ("staging_path", "warehouse_path", "quarantine_path"):
        value = getattr(args, name)
        if not value or not value.strip():
            problems.append(f"--{name} is required")
        elif value.startswith(S3_SCHEME) and value[len(S3_SCHEME):].strip("/").count("/") == 0:
            problems.append(f"--{name} must be a folder inside a bucket, not the bucket root: {value}")
    if args.compression not in PARQUET_CODECS:
        problems.append(f'--compression must be one of {", ".join(PARQUET_CODECS)}, got "{args.compression}"')
    if not args.etl_sql:
        problems.append("--etl_sql must name the ETL SQL file")
    if args.manifest_path is not None and (args.manifest_path.strip() == "" or args.manifest_path.endswith("/")):
        problems.append(f'--manifest_path must name a file, got "{args.manifest_path}"')
    paths = [args.staging_path, args.warehouse_path, args.quarantine_path] + ([args.manifest_path] if args.manifest_path else [])
    if len({(p or "").startswith(S3_SCHEME) for p in paths}) > 1:
        problems.append("--staging_path, --warehouse_path, --quarantine_path and --manifest_path must all be s3:// "
                        "URIs or all local paths")
    if problems:
        raise JobArgumentError("; ".join(problems))
    run_id = re.sub(r"[^A-Za-z0-9_.-]", "-", args.run_id) or new_run_id()
    normalized = replace(
        args,
        staging_path=as_prefix(args.staging_path.strip()),
        warehouse_path=as_prefix(args.warehouse_path.strip()),
        quarantine_path=as_prefix(args.quarantine_path.strip()),
        run_id=run_id,
    )
    folders = {
        "--staging_path": normalized.staging_path,
        "--warehouse_path": normalized.warehouse_path,
        "--quarantine_path": normalized.quarantine_path,
    }
    for a, path_a in folders.items():
        for b, path_b in folders.items():
            # Publishing replaces everything under an output prefix: one must never contain another.
            if a < b and (path_a.startswith(path_b) or path_b.startswith(path_a)):
                raise JobArgumentError(f"{a} ({path_a}) and {b} ({path_b}) overlap; they must be separate folders")
    return normalized


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]


def load_etl_sql(storage: Storage, path: str) -> List[EtlStatement]:
    statements = parse_etl_sql(storage.read_text(path) if path.startswith(S3_SCHEME) else read_local(path))
    names = [s.name for s in statements]
    required = [CONTRACT["outputs"]["warehouse"], CONTRACT["outputs"]["quarantine"], CONTRACT["sourceCountsView"]]
    missing = [n for n in required if n not in names]
    if missing:
        raise JobArgumentError(f'--etl_sql {path} lacks the statement(s) {", ".join(missing)}')
    return statements


def read_local(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise JobArgumentError(
            f"--etl_sql {path}: file not found (ship etl/sql/etl.sql with --extra-files)"
        ) from None


def plan_sources(storage: Storage, staging_path: str, log: Log) -> List[SourcePlan]:
    """Finds every source's files and checks their headers, before Spark reads anything."""
    plans = []
    for name, source in CONTRACT["sources"].items():
        prefix = staging_path + source["stagingPrefix"][len(CONTRACT["lakeZones"]["staging"]):]
        files = [f for f in storage.list_files(prefix) if not is_hidden(f.uri)]
        if not files:
            raise EtlInputError(f"{prefix}: no file for source {name} (expected {source['file']} in this folder)")
        plan = SourcePlan(name, list(source["fields"]), source["rawView"], files)
        for f in files:
            head = storage.read_head(f.uri, MAX_HEADER_BYTES) if f.size > 0 else b""
            plan.headers[f.uri] = match_header(f.uri, parse_header(head, f.uri), plan.fields)
            if plan.headers[f.uri].ignored:
                log(f"{f.uri}: ignoring columns the contract does not name: {plan.headers[f.uri].ignored}")
        plans.append(plan)
    return plans


def sql_string(text: str) -> str:
    """A Spark SQL string literal (Spark unescapes backslashes inside literals)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def file_columns(match: HeaderMatch) -> List[str]:
    """Spark column names for a file, in file order: contract fields, or placeholders to ignore."""
    return [column if column is not None else f"_ignored_{i}" for i, column in enumerate(match.columns)]


def parsed_expressions(plan: SourcePlan, match: HeaderMatch) -> List[str]:
    """From Spark's parse of one group of files to the raw view's columns, _record aside."""
    _, raw_line, parse_error = CONTRACT["rawViewColumns"]
    problem = f"malformed CSV record: not {len(match.columns)} fields as in the header, or broken quoting"
    expressions = [
        f"{CORRUPT_COLUMN} AS {raw_line}",
        f"CASE WHEN {CORRUPT_COLUMN} IS NOT NULL THEN concat(element_at(split(input_file_name(), '/'), -1), "
        f"{sql_string(': ' + problem)}) END AS {parse_error}",
    ]
    # A malformed record's fields are NULL, as in the local runner: its text is in _raw_line.
    # Empty fields are NULL whichever way the file wrote them ("" or nothing).
    expressions += [f"CASE WHEN {CORRUPT_COLUMN} IS NULL THEN NULLIF({f}, '') END AS {f}" for f in plan.fields]
    return expressions


def read_raw_view(spark: Any, plan: SourcePlan) -> Any:
    """Reads one source into the DataFrame behind its raw view.

    Files with the same header are read together. `_record` is monotonically_increasing_id() + 1:
    a multiLine CSV file is never split, so within a file records are numbered 1, 2, 3... in file
    order; with several files (or groups) each Spark partition starts at partition index * 2^33 + 1,
    so numbers stay unique and ordered within a file but jump between files.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    groups: Dict[tuple, List[str]] = {}
    for f in plan.files:
        groups.setdefault(tuple(plan.headers[f.uri].columns), []).append(f.uri)
    frames = []
    for columns, uris in groups.items():
        match = plan.headers[uris[0]]
        schema = StructType(
            [StructField(c, StringType(), True) for c in file_columns(match)]
            + [StructField(CORRUPT_COLUMN, StringType(), True)]
        )
        reader = spark.read.schema(schema)
        for key, value in CSV_READ_OPTIONS:
            reader = reader.option(key, value)
        frames.append(reader.csv(uris).selectExpr(*parsed_expressions(plan, match)))
    parsed = frames[0]
    for frame in frames[1:]:
        parsed = parsed.unionByName(frame)
    record, raw_line, parse_error = CONTRACT["rawViewColumns"]
    raw = parsed.selectExpr(
        f"CAST(monotonically_increasing_id() + 1 AS BIGINT) AS {record}", raw_line, parse_error, *plan.fields
    )
    # Cached, though only the checks statement reads it (the text as read travels with the checked
    # rows): a recomputation must not renumber `_record`, and Spark refuses queries on an uncached CSV
    # scan that need only the corrupt-record column.
    return raw.cache()


def views_to_cache(statements: Sequence[EtlStatement]) -> List[str]:
    """Statements computed once: those the ETL SQL marks (materialize), and the outputs (counted, then written)."""
    outputs = {CONTRACT["outputs"]["warehouse"], CONTRACT["outputs"]["quarantine"]}
    return [s.name for s in statements if s.materialize or s.name in outputs]


def run_statements(spark: Any, statements: Sequence[EtlStatement], log: Log) -> None:
    cached = set(views_to_cache(statements))
    for statement in statements:
        log(f"sql: {statement.name}")
        spark.sql(statement.sql).createOrReplaceTempView(statement.name)
        if statement.name in cached:
            spark.catalog.cacheTable(statement.name)


def collect_counts(spark: Any) -> Dict[str, Any]:
    reasons = CONTRACT["quarantineReasons"]
    sources: Dict[str, Any] = {}
    for row in spark.table(CONTRACT["sourceCountsView"]).collect():
        sources[row["source"]] = {
            "rows": int(row["rows_read"]),
            "accepted": int(row["accepted"]),
            "byReason": {r: 0 for r in reasons},
        }
    quarantine_table = CONTRACT["outputs"]["quarantine"]
    for row in spark.table(quarantine_table).groupBy("source", "reason").count().collect():
        source, reason = row["source"], row["reason"]
        if source not in sources or reason not in reasons:
            raise RuntimeError(f"quarantine holds rows of unknown source/reason {source}/{reason}")
        sources[source]["byReason"][reason] += int(row["count"])
    problems = []
    for name in CONTRACT["sources"]:
        if name not in sources:
            problems.append(f"{CONTRACT['sourceCountsView']} has no row for {name}")
            continue
        s = sources[name]
        s["quarantined"] = sum(s["byReason"].values())
        if s["rows"] != s["accepted"] + s["quarantined"]:
            problems.append(f"{name}: rows {s['rows']} != accepted {s['accepted']} + quarantined {s['quarantined']}")
    if problems:
        # Every row must be accepted or quarantined: a gap is a bug, and nothing is published.
        raise RuntimeError("run accounting failed: " + "; ".join(problems))
    warehouse_rows = spark.table(CONTRACT["outputs"]["warehouse"]).count()
    return {"sources": sources, "warehouseRows": int(warehouse_rows)}


def staged_prefix(args: JobArguments, output: str) -> str:
    target = args.warehouse_path if output == "warehouse" else args.quarantine_path
    name = target.rstrip("/").rsplit("/", 1)[-1]
    return f"{parent_prefix(target)}{RUNS_FOLDER}{args.run_id}/{name}/"


def write_outputs(spark: Any, args: JobArguments, log: Log) -> Dict[str, str]:
    staged = {}
    for output in ("warehouse", "quarantine"):
        view = CONTRACT["outputs"][output]
        staged[output] = staged_prefix(args, output)
        log(f"write: {view} -> {staged[output]} ({args.compression})")
        spark.table(view).write.mode("errorifexists").option("compression", args.compression).parquet(staged[output])
    return staged


def publish(storage: Storage, staged: Dict[str, str], targets: Dict[str, str], log: Log) -> Dict[str, List[str]]:
    """Moves staged outputs into their targets: copy every new file, then delete the old ones.

    S3 has no rename, so this is not atomic: while it runs, readers may see old and new files
    together. A failed copy removes the copies made so far and leaves the targets as they were.
    """
    plan = {}
    for output, prefix in staged.items():
        new_files = [f.uri for f in storage.list_files(prefix) if not is_hidden(f.uri)]
        old_files = [f.uri for f in storage.list_files(targets[output])]
        plan[output] = (prefix, new_files, old_files)
    copied: List[str] = []
    try:
        for output, (prefix, new_files, _) in plan.items():
            for uri in new_files:
                target = targets[output] + uri[len(prefix):]
                storage.copy(uri, target)
                copied.append(target)
    except Exception:
        storage.delete(copied)
        raise
    published: Dict[str, List[str]] = {}
    for output, (prefix, new_files, old_files) in plan.items():
        published[output] = [targets[output] + uri[len(prefix):] for uri in new_files]
        keep = set(published[output])
        stale = [uri for uri in old_files if uri not in keep]
        storage.delete(stale)
        log(f"publish: {len(new_files)} file(s) -> {targets[output]}, {len(stale)} old file(s) removed")
    return published


def remove_staged(storage: Storage, staged: Dict[str, str]) -> None:
    for prefix in staged.values():
        storage.delete([f.uri for f in storage.list_files(prefix)])


def run_pipeline(
    spark: Any,
    args: JobArguments,
    storage: Storage,
    log: Optional[Log] = None,
    clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
) -> Dict[str, Any]:
    """Runs the whole job and returns its manifest. Raises (writing nothing) on bad input."""
    emit: Log = log or (lambda message: None)
    started = clock()
    args = validate_arguments(args)
    statements = load_etl_sql(storage, args.etl_sql)
    plans = plan_sources(storage, args.staging_path, emit)

    for key, value in SPARK_CONF:
        spark.conf.set(key, value)
    for plan in plans:
        emit(f"read: {plan.name} from {len(plan.files)} file(s)")
        read_raw_view(spark, plan).createOrReplaceTempView(plan.raw_view)
    run_statements(spark, statements, emit)

    targets = {"warehouse": args.warehouse_path, "quarantine": args.quarantine_path}
    staged = {output: staged_prefix(args, output) for output in targets}
    try:
        counts = collect_counts(spark)
        write_outputs(spark, args, emit)
    except Exception:
        remove_staged(storage, staged)
        raise
    try:
        published = publish(storage, staged, targets, emit)
    finally:
        remove_staged(storage, staged)

    manifest = build_manifest(args, plans, statements, counts, published, started, clock())
    if args.manifest_path:
        storage.write_text(args.manifest_path, json.dumps(manifest, indent=2) + "\n", "application/json")
        emit(f"manifest: {args.manifest_path}")
    return manifest


def build_manifest(
    args: JobArguments,
    plans: Sequence[SourcePlan],
    statements: Sequence[EtlStatement],
    counts: Dict[str, Any],
    published: Dict[str, List[str]],
    started: datetime,
    finished: datetime,
) -> Dict[str, Any]:
    """The run summary, shaped like the local runner's manifest.json."""
    sources = counts["sources"]
    reasons = CONTRACT["quarantineReasons"]
    etl_sql_text = "\n".join(f"{s.name}\n{s.sql}" for s in statements)
    return {
        "runId": args.run_id,
        "engine": "glue",
        "startedAt": started.isoformat(),
        "finishedAt": finished.isoformat(),
        "stagingPath": args.staging_path,
        "etlSql": {
            "file": args.etl_sql,
            # Of the parsed statements, so the same ETL SQL hashes the same whatever its line endings.
            "statementsSha256": hashlib.sha256(etl_sql_text.encode("utf-8")).hexdigest(),
            "statements": len(statements),
        },
        "sources": {
            p.name: {
                **{k: sources[p.name][k] for k in ("rows", "accepted", "quarantined", "byReason")},
                "ignoredColumns": sorted({c for m in p.headers.values() for c in m.ignored}),
                "inputFiles": [f.uri for f in p.files],
            }
            for p in plans
        },
        "warehouse": {
            "path": args.warehouse_path,
            "rows": counts["warehouseRows"],
            "files": published["warehouse"],
            "compression": args.compression,
        },
        "quarantine": {
            "path": args.quarantine_path,
            "rows": sum(sources[p.name]["quarantined"] for p in plans),
            "files": published["quarantine"],
            "bySource": {p.name: sources[p.name]["quarantined"] for p in plans},
            "byReason": {r: sum(sources[p.name]["byReason"][r] for p in plans) for r in reasons},
        },
    }
