"""The whole job against S3: the entry script in its own process, Spark through Hadoop's s3a and the job's storage
through boto3, both on a moto server on 127.0.0.1, as Glue runs it on a bucket (only s3a stands in for Glue's S3).

hadoop-aws comes from Maven Central once (about 280 MB), cached in the Python environment's folder; without the
cache and without Maven Central, this test is skipped, saying so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from conftest import ETL_SQL, FIXTURES, GLUE_JOB_DIR, TEST_CREDENTIALS

IVY = os.path.join(sys.prefix, "ivy")
HADOOP_AWS_JAR = os.path.join(IVY, "jars", "org.apache.hadoop_hadoop-aws-3.3.4.jar")
MAVEN = "https://repo1.maven.org/maven2/org/apache/hadoop/hadoop-aws/3.3.4/hadoop-aws-3.3.4.pom"
BUCKET = "lake-data"


def hadoop_aws_available() -> bool:
    if os.path.exists(HADOOP_AWS_JAR):
        return True
    try:
        with urllib.request.urlopen(urllib.request.Request(MAVEN, method="HEAD"), timeout=10) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def run_job(endpoint: str, run_id: str, scratch: Path) -> subprocess.CompletedProcess[str]:
    s3 = f"s3://{BUCKET}"
    argv = [
        "--JOB_NAME",
        "spotify-etl",
        "--JOB_RUN_ID",
        run_id,
        "--staging_path",
        f"{s3}/staging/",
        "--warehouse_path",
        f"{s3}/datawarehouse/",
        "--quarantine_path",
        f"{s3}/quarantine/",
        "--runs_path",
        f"{s3}/_runs/",
        "--manifest_path",
        f"{s3}/manifest.json",
        "--etl_sql",
        ETL_SQL,
    ]
    env = {
        **os.environ,
        "AWS_ENDPOINT_URL_S3": endpoint,
        "AWS_ACCESS_KEY_ID": TEST_CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": TEST_CREDENTIALS["aws_secret_access_key"],
        "AWS_DEFAULT_REGION": TEST_CREDENTIALS["region_name"],
        "SPOTIFY_LAKE_IVY": IVY,
        "SPOTIFY_LAKE_SPARK_SCRATCH": str(scratch),
        "SPARK_LOCAL_IP": "127.0.0.1",
    }
    return subprocess.run(
        [sys.executable, os.path.join(GLUE_JOB_DIR, "spotify_etl_job.py"), *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def keys(s3: Any, prefix: str) -> list[str]:
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    return sorted(item["Key"] for item in listed)


def test_the_job_runs_on_s3_publishes_run_named_files_and_replaces_the_previous_run(
    s3: Any, moto_endpoint: str, tmp_path: Path
) -> None:
    if not hadoop_aws_available():
        pytest.skip(f"hadoop-aws is neither cached in {IVY} nor reachable on Maven Central: the s3a run is skipped")
    s3.create_bucket(Bucket=BUCKET)
    for source in ("albums", "artists", "tracks"):
        s3.upload_file(os.path.join(FIXTURES, "messy", f"{source}.csv"), BUCKET, f"staging/{source}/{source}.csv")

    first = run_job(moto_endpoint, "jr_first", tmp_path / "first")
    assert first.returncode == 0, first.stderr[-3000:]
    manifest = json.loads(s3.get_object(Bucket=BUCKET, Key="manifest.json")["Body"].read())
    assert (manifest["runId"], manifest["engine"]) == ("jr_first", "spark")
    assert {k: manifest["sources"]["albums"][k] for k in ("rows", "accepted", "quarantined")} == {
        "rows": 16,
        "accepted": 4,
        "quarantined": 12,
    }
    warehouse = keys(s3, "datawarehouse/")
    assert warehouse and all(k.startswith("datawarehouse/part-") and k.endswith("-jr_first.parquet") for k in warehouse)
    assert manifest["files"]["warehouse"] == [f"s3://{BUCKET}/{k}" for k in warehouse]
    assert keys(s3, "_runs/") == []

    second = run_job(moto_endpoint, "jr_second", tmp_path / "second")
    assert second.returncode == 0, second.stderr[-3000:]
    assert all(k.endswith("-jr_second.parquet") for k in keys(s3, "datawarehouse/") + keys(s3, "quarantine/"))
    assert keys(s3, "staging/") == [f"staging/{s}/{s}.csv" for s in ("albums", "artists", "tracks")]
    assert keys(s3, "_runs/") == []
