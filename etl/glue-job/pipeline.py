"""The job's work, the same on Glue and locally: read the sources, run the ETL SQL, write, publish, commit.

Publishing follows the lake protocol on any storage, S3 included, where nothing can be renamed:
1. Spark writes the outputs under `<runs_path><run id>/` (the contract's `_runs/` zone), never inside a table.
2. A journal, `<runs_path><run id>/publish.json`, lists the files the run is about to create and those it replaces.
3. Each output file is copied to a run-named file of its table's folder, `part-NNNNN-<run id>.parquet`, so nothing a
   committed manifest lists is ever overwritten (quarantine first, then the warehouse).
4. The manifest is written in one step (a PUT on S3, a rename locally): the commit point.
5. The files of the manifest it replaced are deleted (only those: files a manifest of this job listed, in the table
   folders, named by that manifest's run), then the run's folder.
Between 3 and 5 a reader that lists the table folders (Athena, a crawler) sees the old and new files together: S3
has no rename; readers that follow the manifest never do. A run that dies is finished or rolled back by the next one,
from its journal: committed (the manifest is its), the replaced files go; not committed, the files it made go.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pyspark.sql import DataFrame, SparkSession

from etl_errors import JobArgumentError
from etl_sql import EtlStatement, parse_etl_sql
from glue_runtime import Runtime
from job_arguments import JobArguments
from raw_sources import SPARK_CONF, SourcePlan, plan_sources, read_raw_view
from spotify_contract import CONTRACT
from storage import S3_SCHEME, Storage, base_name, is_hidden

OUTPUTS = ("quarantine", "warehouse")  # publishing order: the warehouse last, as the local runner writes it
JOURNAL = "publish.json"
Emit = Callable[[dict[str, Any]], None]


class DataQualityError(RuntimeError):
    """The warehouse breaks a data-quality rule and --data_quality_failure is fail: nothing is published."""

    def __init__(self, report: dict[str, Any]) -> None:
        failed = [r for r in report["results"] if r["outcome"] == "failed"]
        observed = "; ".join(
            f"{r['dqdl']} ({r['observedMeaning']}: {'none' if r['observed'] is None else r['observed']})"
            for r in failed
        )
        super().__init__(
            f"the warehouse fails {len(failed)} of {len(report['results'])} data-quality rules, so nothing was "
            f"published: {observed}"
        )
        self.report = report


@dataclass
class Timings:
    steps: list[dict[str, Any]] = field(default_factory=list)

    def step(self, name: str, started: float) -> None:
        self.steps.append({"step": name, "ms": round((time.monotonic() - started) * 1000)})


def load_etl_sql(storage: Storage, path: str) -> tuple[list[EtlStatement], str]:
    """The statements of the ETL SQL file and the file's sha256."""
    if path.startswith(S3_SCHEME):
        text = storage.read_text(path)
    else:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except FileNotFoundError:
            text = None
    if text is None:
        raise JobArgumentError(f"--etl_sql {path}: file not found (ship etl/sql/etl.sql with --extra-files)")
    statements = parse_etl_sql(text)
    names = [s.name for s in statements]
    required = [CONTRACT["outputs"]["warehouse"], CONTRACT["outputs"]["quarantine"], CONTRACT["sourceCountsView"]]
    missing = [n for n in required if n not in names]
    if missing:
        raise JobArgumentError(f"--etl_sql {path} lacks the statement(s) {', '.join(missing)}")
    return statements, hashlib.sha256(text.encode("utf-8")).hexdigest()


def views_to_cache(statements: Sequence[EtlStatement]) -> list[str]:
    """Statements computed once: those the ETL SQL marks (materialize), and the outputs (counted, then written)."""
    outputs = {CONTRACT["outputs"]["warehouse"], CONTRACT["outputs"]["quarantine"]}
    return [s.name for s in statements if s.materialize or s.name in outputs]


def run_statements(spark: SparkSession, statements: Sequence[EtlStatement], emit: Emit) -> None:
    cached = set(views_to_cache(statements))
    for index, statement in enumerate(statements, start=1):
        kind = "table" if statement.name in cached else "view"
        emit(
            {
                "step": "sql",
                "statement": statement.name,
                "as": kind,
                "index": index,
                "of": len(statements),
                "message": f"sql {index}/{len(statements)}: {statement.name} ({kind})",
            }
        )
        spark.sql(statement.sql).createOrReplaceTempView(statement.name)
        if statement.name in cached:
            spark.catalog.cacheTable(statement.name)


def collect_counts(spark: SparkSession, raw_rows: dict[str, int]) -> dict[str, Any]:
    """Rows read, accepted and quarantined by reason per source; every row must be accounted for."""
    reasons: list[str] = CONTRACT["quarantineReasons"]
    sources: dict[str, dict[str, Any]] = {}
    for row in spark.table(CONTRACT["sourceCountsView"]).collect():
        sources[row["source"]] = {
            "rows": int(row["rows_read"]),
            "accepted": int(row["accepted"]),
            "byReason": dict.fromkeys(reasons, 0),
        }
    for row in spark.table(CONTRACT["outputs"]["quarantine"]).groupBy("source", "reason").count().collect():
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
        if s["rows"] != raw_rows[name]:
            problems.append(f"{name}: {raw_rows[name]} rows read but {s['rows']} counted")
        if s["rows"] != s["accepted"] + s["quarantined"]:
            problems.append(f"{name}: rows {s['rows']} != accepted {s['accepted']} + quarantined {s['quarantined']}")
    warehouse_rows = spark.table(CONTRACT["outputs"]["warehouse"]).count()
    if not problems and warehouse_rows != sources["albums"]["accepted"]:
        problems.append(f"warehouse rows {warehouse_rows} != accepted albums {sources['albums']['accepted']}")
    if problems:
        # Every row must be accepted or quarantined: a gap is a bug, and nothing is published.
        raise RuntimeError("run accounting failed (a bug, not bad input): " + "; ".join(problems))
    return {"sources": sources, "warehouseRows": int(warehouse_rows)}


def evaluate_data_quality(spark: SparkSession, warehouse: DataFrame, failure_mode: str) -> dict[str, Any]:
    """The contract's data-quality rules (the DQDL ruleset Glue Data Quality runs, as portable SQL) on the warehouse
    as written, in the report the local runner writes into its manifest (dataQualityReport in the contract)."""
    checks = CONTRACT["dataQuality"]
    warehouse.createOrReplaceTempView(checks["table"])
    rows = spark.sql(checks["sql"]).collect()
    rules = checks["rules"]
    if len(rows) != len(rules):
        raise RuntimeError(f"data-quality results: expected {len(rules)} rows (one per rule), got {len(rows)}")
    results = []
    for rule, row in zip(rules, rows, strict=True):
        if row["rule"] != rule["name"] or row["outcome"] not in ("passed", "failed"):
            raise RuntimeError(f"data-quality results: {row['rule']}/{row['outcome']} where rule {rule['name']} was")
        observed = row["observed"]
        results.append(
            {
                "rule": rule["name"],
                "dqdl": rule["dqdl"],
                "description": rule["description"],
                "outcome": row["outcome"],
                "observed": None if observed is None else float(observed),
                "observedMeaning": rule["observed"],
            }
        )
    failed = [r["rule"] for r in results if r["outcome"] == "failed"]
    verdict = "pass" if not failed else failure_mode
    return {"results": results, "failed": failed, "failureMode": failure_mode, "verdict": verdict}


# The evaluation context Glue Data Quality files the warehouse's results under (its console, its CloudWatch metrics and
# the "Data Quality Evaluation Results Available" events the alerts listen to).
GLUE_DQ_CONTEXT = "spotify_lake_warehouse"


def publish_glue_data_quality(runtime: Runtime, warehouse: DataFrame) -> list[dict[str, Any]] | None:
    """On Glue: the same rules, as the contract's DQDL ruleset, through Glue Data Quality's EvaluateDataQuality,
    results published (which only Glue can do; awsgluedq exists only there). The run's verdict stays the SQL
    evaluation's, the same on every engine; Glue's own outcome per rule is kept beside it. Locally: None."""
    if runtime.glue_context is None:
        return None
    from awsglue.dynamicframe import DynamicFrame
    from awsgluedq.transforms import EvaluateDataQuality

    frame = DynamicFrame.fromDF(warehouse, runtime.glue_context, "warehouse")
    outcomes = EvaluateDataQuality.apply(
        frame=frame,
        ruleset=CONTRACT["dataQuality"]["dqdl"],
        publishing_options={
            "dataQualityEvaluationContext": GLUE_DQ_CONTEXT,
            "enableDataQualityCloudWatchMetrics": True,
            "enableDataQualityResultsPublishing": True,
        },
    )
    return [
        {"rule": row["Rule"], "outcome": row["Outcome"], "failureReason": row["FailureReason"]}
        for row in outcomes.toDF().collect()
    ]


def zone_path(args: JobArguments, output: str) -> str:
    return args.warehouse_path if output == "warehouse" else args.quarantine_path


def run_area(args: JobArguments, run_id: str | None = None) -> str:
    return f"{args.runs_path}{run_id or args.run_id}/"


def run_file_pattern(run_id: str) -> re.Pattern[str]:
    """The names a run gives its published files: `part-NNNNN-<run id>.parquet`, and nothing else."""
    return re.compile(rf"part-[0-9]{{5}}-{re.escape(run_id)}\.parquet")


def deletable(args: JobArguments, uri: str, run_id: str) -> bool:
    """Whether the job may delete a file named in a manifest or journal: a table file of that run, nothing else."""
    folder = uri[: len(uri) - len(base_name(uri))]
    in_zone = folder in (args.warehouse_path, args.quarantine_path)
    return in_zone and run_file_pattern(run_id).fullmatch(base_name(uri)) is not None


def read_previous_manifest(storage: Storage, args: JobArguments, emit: Emit) -> dict[str, Any] | None:
    text = storage.read_text(args.manifest_path)
    if text is None:
        return None
    try:
        manifest = json.loads(text)
    except ValueError:
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("job") != CONTRACT["jobManifest"]:
        emit(
            {
                "step": "warning",
                "message": f"{args.manifest_path} is not a manifest of this job: the files it names are left alone",
            }
        )
        return None
    return manifest


def recover_earlier_runs(storage: Storage, args: JobArguments, previous: dict[str, Any] | None, emit: Emit) -> None:
    """Finishes (committed) or rolls back (not committed) the runs that died, from their journals in runs_path."""
    committed = previous["runId"] if previous else None
    live = set(manifest_files(previous)) if previous else set()
    leftovers: dict[str, list[str]] = {}
    for file in storage.list_files(args.runs_path):
        run_id = file.uri[len(args.runs_path) :].split("/", 1)[0]
        if run_id != args.run_id:
            leftovers.setdefault(run_id, []).append(file.uri)
    for run_id, files in leftovers.items():
        journal_uri = run_area(args, run_id) + JOURNAL
        text = storage.read_text(journal_uri) if journal_uri in files else None
        doomed: list[str] = []
        if text is not None:
            journal = json.loads(text)
            if run_id == committed:
                replaced_run = str(journal.get("replacesRunId") or "")
                doomed = [u for u in journal["replaces"] if u not in live and deletable(args, u, replaced_run)]
            else:
                doomed = [u for u in journal["creates"] if u not in live and deletable(args, u, run_id)]
        emit({"step": "recover", "message": f"recover run {run_id}: {len(doomed)} published file(s) removed"})
        storage.delete(doomed)
        storage.delete([f for f in files if f != journal_uri])
        storage.delete([journal_uri])
    if previous is not None:
        sweep_unlisted_run_files(storage, args, live, {str(committed or ""), args.run_id}, emit)


# The name the job gives a table file, `part-NNNNN-<run id>.parquet`, with any run id; JOB_RUN_ID (from the
# contract) is the run ids the job assigns: Glue's and the local runner's.
PUBLISHED_FILE = re.compile(r"part-[0-9]{5}-(?P<run_id>.+)\.parquet")
JOB_RUN_ID = re.compile(CONTRACT["jobRunIdPattern"])


def sweep_unlisted_run_files(
    storage: Storage, args: JobArguments, live: set[str], keep_runs: set[str], emit: Emit
) -> None:
    """Removes the table files of runs that died and whose journal is gone (the lifecycle rule expires `_runs/`,
    so a crash followed by days without a run loses it): files the job may delete as that run's (`deletable`), of
    a run id the job assigns and of neither the committed run nor this one (`keep_runs`), that the committed
    manifest does not list (`live`). Only one run of the job runs at a time (the component sets maxConcurrentRuns
    1), so such a file is no live run's: without this, Athena, which reads every file in a table's folder, would
    count its rows for good. Called only after a manifest of this job was read: with none (or a foreign one)
    nothing says which files are live, and nothing is touched."""
    doomed: list[str] = []
    for folder in (args.warehouse_path, args.quarantine_path):
        for file in storage.list_files(folder):
            match = PUBLISHED_FILE.fullmatch(base_name(file.uri))
            run_id = match["run_id"] if match else ""
            if (
                JOB_RUN_ID.fullmatch(run_id)
                and run_id not in keep_runs
                and file.uri not in live
                and deletable(args, file.uri, run_id)
            ):
                doomed.append(file.uri)
    if doomed:
        emit(
            {
                "step": "recover",
                "files": doomed,
                "message": f"recover: {len(doomed)} table file(s) of runs that died, no manifest lists them, removed",
            }
        )
        storage.delete(doomed)


def manifest_files(manifest: dict[str, Any]) -> list[str]:
    files: dict[str, list[str]] = manifest.get("files", {})
    return [*files.get("warehouse", []), *files.get("quarantine", [])]


def write_outputs(runtime: Runtime, args: JobArguments, timings: Timings) -> dict[str, str]:
    written = {}
    for output in OUTPUTS:
        view = CONTRACT["outputs"][output]
        folder = f"{run_area(args)}{CONTRACT['lakeZones'][output]}"
        runtime.emit({"step": "write", "table": view, "message": f"write {view} -> {folder} ({args.compression})"})
        started = time.monotonic()
        runtime.spark.table(view).write.mode("errorifexists").option("compression", args.compression).parquet(
            runtime.spark_uri(folder)
        )
        timings.step(f"write:{view}", started)
        written[output] = folder
    return written


def publish(
    storage: Storage, args: JobArguments, written: dict[str, str], previous: dict[str, Any] | None, emit: Emit
) -> dict[str, list[str]]:
    """Copies the written files to their run-named files in the tables' folders, journaled first."""
    plan: dict[str, list[tuple[str, str]]] = {}
    for output in OUTPUTS:
        files = [f.uri for f in storage.list_files(written[output]) if not is_hidden(f.uri)]
        plan[output] = [
            (uri, f"{zone_path(args, output)}part-{i:05d}-{args.run_id}.parquet") for i, uri in enumerate(files)
        ]
    journal = {
        "runId": args.run_id,
        "creates": [target for pairs in plan.values() for _, target in pairs],
        "replacesRunId": previous["runId"] if previous else None,
        "replaces": manifest_files(previous) if previous else [],
    }
    storage.replace_text(run_area(args) + JOURNAL, json.dumps(journal, indent=2) + "\n", "application/json")
    published: dict[str, list[str]] = {}
    copied: list[str] = []
    try:
        for output in OUTPUTS:
            for source, target in plan[output]:
                storage.copy(source, target)
                copied.append(target)
            published[output] = [target for _, target in plan[output]]
            emit({"step": "published", "zone": output, "files": published[output]})
    except Exception:
        storage.delete(copied)
        raise
    return published


def replace_previous(
    storage: Storage, args: JobArguments, previous: dict[str, Any] | None, published: dict[str, list[str]], emit: Emit
) -> None:
    """After the commit: the files of the replaced manifest go (only its own run's table files), then the run area."""
    if previous is not None:
        live = {uri for files in published.values() for uri in files}
        doomed = [u for u in manifest_files(previous) if u not in live and deletable(args, u, previous["runId"])]
        storage.delete(doomed)
        emit({"step": "cleanup", "message": f"removed {len(doomed)} file(s) of run {previous['runId']}"})
    area = run_area(args)
    storage.delete([f.uri for f in storage.list_files(area) if f.uri != area + JOURNAL])
    storage.delete([area + JOURNAL])


def run_job(
    runtime: Runtime,
    args: JobArguments,
    storage: Storage,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> dict[str, Any]:
    """Runs the whole job and returns its manifest. Raises, publishing nothing, on bad input or a failed rule."""
    started_at = clock()
    started = time.monotonic()
    timings = Timings()
    emit = runtime.emit
    spark = runtime.spark
    statements, sql_sha256 = load_etl_sql(storage, args.etl_sql)
    previous = read_previous_manifest(storage, args, emit)
    recover_earlier_runs(storage, args, previous, emit)

    step = time.monotonic()
    plans = plan_sources(storage, args.staging_path, emit)
    timings.step("scan", step)
    for key, value in SPARK_CONF.items():
        spark.conf.set(key, value)
    raw_rows: dict[str, int] = {}
    for plan in plans:
        step = time.monotonic()
        emit(
            {
                "step": "read",
                "source": plan.name,
                "files": [f.uri for f in plan.files],
                "message": f"read {plan.name}: {len(plan.files)} file(s)",
            }
        )
        raw, raw_rows[plan.name] = read_raw_view(spark, plan, runtime.spark_uri)
        raw.createOrReplaceTempView(plan.raw_view)
        timings.step(f"read:{plan.name}", step)
    run_statements(spark, statements, emit)

    written: dict[str, str] = {}
    try:
        step = time.monotonic()
        counts = collect_counts(spark, raw_rows)
        timings.step("count", step)
        written = write_outputs(runtime, args, timings)
        step = time.monotonic()
        # On the warehouse as written, as readers will see it (and as the local runner checks its file).
        warehouse_as_written = spark.read.parquet(runtime.spark_uri(written["warehouse"]))
        quality = evaluate_data_quality(spark, warehouse_as_written, args.data_quality_failure)
        glue_quality = publish_glue_data_quality(runtime, warehouse_as_written)
        if glue_quality is not None:
            quality["glue"] = {"evaluationContext": GLUE_DQ_CONTEXT, "results": glue_quality}
        timings.step("data-quality", step)
        emit({"step": "data-quality", "report": quality, "message": f"data quality: {quality['verdict']}"})
        if quality["verdict"] == "fail":
            raise DataQualityError(quality)
        step = time.monotonic()
        published = publish(storage, args, written, previous, emit)
        timings.step("publish", step)
    except Exception:
        area = run_area(args)
        storage.delete([f.uri for f in storage.list_files(area)])
        raise
    manifest = build_manifest(
        args, plans, statements, sql_sha256, counts, published, quality, started_at, clock(), runtime
    )
    manifest["timings"] = {"totalMs": round((time.monotonic() - started) * 1000), "steps": timings.steps}
    storage.replace_text(args.manifest_path, json.dumps(manifest, indent=2) + "\n", "application/json")
    emit({"step": "committed", "manifest": args.manifest_path, "message": f"manifest: {args.manifest_path}"})
    replace_previous(storage, args, previous, published, emit)
    return manifest


def build_manifest(
    args: JobArguments,
    plans: Sequence[SourcePlan],
    statements: Sequence[EtlStatement],
    sql_sha256: str,
    counts: dict[str, Any],
    published: dict[str, list[str]],
    quality: dict[str, Any],
    started: datetime,
    finished: datetime,
    runtime: Runtime,
) -> dict[str, Any]:
    """The run summary (the shape is GLUE_JOB_MANIFEST's in packages/contract/src/glue-job-contract.ts)."""
    sources = counts["sources"]
    reasons: list[str] = CONTRACT["quarantineReasons"]
    return {
        "job": CONTRACT["jobManifest"],
        "runId": args.run_id,
        "jobName": args.job_name,
        "engine": "glue" if runtime.on_glue else "spark",
        "startedAt": started.isoformat(),
        "finishedAt": finished.isoformat(),
        "files": {
            "staging": [f.uri for p in plans for f in p.files],
            "warehouse": published["warehouse"],
            "quarantine": published["quarantine"],
        },
        "etlSql": {"file": args.etl_sql, "sha256": sql_sha256, "statements": len(statements)},
        "sources": {
            p.name: {
                **{k: sources[p.name][k] for k in ("rows", "accepted", "quarantined", "byReason")},
                "ignoredColumns": p.ignored_columns,
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
        "dataQuality": quality,
    }
