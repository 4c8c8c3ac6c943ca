"""The entry script Glue runs, run as a local run runs it: arguments, the runtime seam, failures."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from awsglue.utils import GlueArgumentError

import glue_runtime
import spotify_etl_job
from conftest import ETL_SQL
from etl_errors import EtlInputError
from test_pipeline import RUN_1, files_under, messy_lake


def argv(root: Path) -> list[str]:
    return [
        "spotify_etl_job.py",
        "--JOB_NAME",
        "spotify-etl",
        "--JOB_RUN_ID",
        RUN_1,
        "--staging_path",
        f"{root}/staging",
        "--warehouse_path",
        f"{root}/datawarehouse",
        "--quarantine_path",
        f"{root}/quarantine",
        "--runs_path",
        f"{root}/_runs",
        "--manifest_path",
        f"{root}/manifest.json",
        "--etl_sql",
        ETL_SQL,
        "--compression",
        "snappy",
    ]


def printed_events(output: str) -> list[dict[str, Any]]:
    prefix = glue_runtime.EVENT_PREFIX
    return [json.loads(line[len(prefix) :]) for line in output.splitlines() if line.startswith(prefix)]


def test_runs_locally_with_the_arguments_glue_passes(spark: Any, tmp_path: Path, capsys: Any) -> None:
    root = messy_lake(tmp_path)
    manifest = spotify_etl_job.main(argv(root))
    assert (manifest["runId"], manifest["engine"], manifest["warehouse"]["compression"]) == (RUN_1, "spark", "snappy")
    events = printed_events(capsys.readouterr().out)
    assert [e["step"] for e in events if e["step"] in ("published", "committed")] == [
        "published",
        "published",
        "committed",
    ]
    assert [e["zone"] for e in events if e["step"] == "published"] == ["quarantine", "warehouse"]


def test_bad_input_is_reported_as_an_event_naming_the_file_then_raised(spark: Any, tmp_path: Path, capsys: Any) -> None:
    root = messy_lake(tmp_path)
    (root / "staging" / "tracks" / "tracks.csv").write_text("track_id,popularity\nt1,1\n", "utf-8")
    with pytest.raises(EtlInputError):
        spotify_etl_job.main(argv(root))
    [error] = [e for e in printed_events(capsys.readouterr().out) if e["step"] == "error"]
    assert error == {
        "step": "error",
        "kind": "input",
        "file": f"{root}/staging/tracks/tracks.csv",
        "row": 1,
        "column": "track_popularity",
        "problem": 'required column is missing from the header (found: "track_id", "popularity")',
        "message": error["message"],
    }
    assert not any(f.startswith(("datawarehouse", "quarantine", "manifest")) for f in files_under(root))


def test_a_missing_argument_fails_before_spark_starts(tmp_path: Path, monkeypatch: Any) -> None:
    def no_spark(*_: Any) -> None:
        raise AssertionError("Spark must not start")

    monkeypatch.setattr(glue_runtime, "start", no_spark)
    args = argv(tmp_path)
    at = args.index("--runs_path")
    with pytest.raises(GlueArgumentError, match="required: --runs_path"):
        spotify_etl_job.main(args[:at] + args[at + 2 :])


def test_without_the_glue_jar_the_runtime_is_a_local_session_and_a_job_that_does_nothing(spark: Any) -> None:
    runtime = glue_runtime.start("spotify-etl", {}, s3_paths=False)
    assert runtime.spark.sparkContext is spark.sparkContext
    assert not runtime.on_glue
    assert isinstance(runtime.job, glue_runtime.NoOpJob)
    assert runtime.spark_uri("s3://lake/staging/") == "s3a://lake/staging/"
    assert runtime.spark_uri("/lake/staging/") == "/lake/staging/"


def test_a_local_run_is_configured_for_small_jobs_and_s3a_when_its_paths_are_s3(monkeypatch: Any) -> None:
    monkeypatch.setenv("SPOTIFY_LAKE_SPARK_THREADS", "3")
    monkeypatch.setenv("SPOTIFY_LAKE_SPARK_SCRATCH", "/scratch")
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000")
    local = dict(glue_runtime.local_conf(s3_paths=False).getAll())
    assert local["spark.master"] == "local[3]"
    assert local["spark.sql.shuffle.partitions"] == "3"
    assert (local["spark.ui.enabled"], local["spark.sql.adaptive.enabled"]) == ("false", "false")
    assert local["spark.local.dir"] == os.path.join("/scratch", "spark-local")
    assert "spark.jars.packages" not in local
    s3 = dict(glue_runtime.local_conf(s3_paths=True).getAll())
    assert s3["spark.jars.packages"] == "org.apache.hadoop:hadoop-aws:3.3.4"
    assert (s3["spark.hadoop.fs.s3a.endpoint"], s3["spark.hadoop.fs.s3a.path.style.access"]) == (
        "http://127.0.0.1:9000",
        "true",
    )
