"""Test setup: the job's modules on sys.path (as Glue's --extra-py-files puts them), one local Spark session for the
whole run (start-up is most of a small job's time), and an S3-compatible server on 127.0.0.1 (moto_server)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

GLUE_JOB_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ETL_DIR = os.path.dirname(GLUE_JOB_DIR)
if GLUE_JOB_DIR not in sys.path:
    sys.path.insert(0, GLUE_JOB_DIR)

FIXTURES = os.path.join(ETL_DIR, "test", "fixtures")
ETL_SQL = os.path.join(ETL_DIR, "sql", "etl.sql")
TEST_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """The local Spark session every Spark test shares, configured as a local run of the job configures it."""
    scratch = tempfile.mkdtemp(prefix="spark-tests-")
    os.environ["SPOTIFY_LAKE_SPARK_SCRATCH"] = scratch
    from pyspark.context import SparkContext
    from pyspark.sql import SparkSession

    import glue_runtime

    context = SparkContext.getOrCreate(glue_runtime.local_conf(s3_paths=False))
    context.setLogLevel("ERROR")
    session = SparkSession(context)
    yield session
    session.stop()


class Events:
    """The events a run emits, kept for assertions."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def __call__(self, event: dict[str, Any]) -> None:
        self.items.append(event)

    def steps(self, step: str) -> list[dict[str, Any]]:
        return [e for e in self.items if e["step"] == step]


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def runtime(spark: Any, events: Events) -> Any:
    import glue_runtime

    return glue_runtime.Runtime(spark, glue_runtime.NoOpJob(), events, glue_runtime.to_s3a, False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """A moto S3 server on 127.0.0.1, for the duration of the test session."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.2)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def s3(moto_endpoint: str) -> Any:
    """A boto3 S3 client of the moto server, whose buckets are reset for each test."""
    import boto3

    urllib.request.urlopen(urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST"), timeout=10)
    return boto3.client("s3", endpoint_url=moto_endpoint, **TEST_CREDENTIALS)
