"""How the job gets its Spark session and its Glue Job: the one seam between a run on Glue and a local run.

On Glue the Glue jar is on Spark's classpath: the job gets a GlueContext, its session and logger, and a Job that
`init` registers and `commit` ends (Glue's bookmarks and run state). Locally (`pnpm start --engine spark`, the tests)
the jar is absent: the job gets a local SparkSession and a Job that does nothing. Everything else is the same code.

A local run's Spark is set up for small jobs on one machine, where start-up dominates: no UI, no adaptive execution,
as many shuffle partitions as threads, the C1 compiler only. The environment may set the threads
(SPOTIFY_LAKE_SPARK_THREADS, default 2), the driver memory (SPOTIFY_LAKE_SPARK_MEMORY, default 2g) and the folder
Spark spills and keeps its scratch in (SPOTIFY_LAKE_SPARK_SCRATCH). With s3:// paths a local run reads and writes
through Hadoop's s3a (hadoop-aws from Maven Central, cached in SPOTIFY_LAKE_IVY or ~/.ivy2; AWS_ENDPOINT_URL_S3 or
AWS_ENDPOINT_URL for an S3-compatible server).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from pyspark import SparkConf
from pyspark.context import SparkContext
from pyspark.sql import SparkSession

GLUE_CONTEXT_CLASS = "com.amazonaws.services.glue.GlueContext"
# Spark 3.5.4 is built on Hadoop 3.3.4: its s3a connector must be the same version.
HADOOP_AWS_PACKAGE = "org.apache.hadoop:hadoop-aws:3.3.4"
# Lines of the job's events on a local run's stdout, which the local runner reads (etl/src/spark/run-spark.ts).
EVENT_PREFIX = "spotify-lake-event "


class JobControl(Protocol):
    def commit(self) -> None: ...


class NoOpJob:
    """Glue's Job outside Glue: nothing to register or commit."""

    def commit(self) -> None:
        return None


@dataclass
class Runtime:
    spark: SparkSession
    job: JobControl
    # Reports a step: a JSON event (`step`, `message`, ...); on Glue a log line, locally a line on stdout.
    emit: Callable[[dict[str, Any]], None]
    # The URI Spark reads and writes for a storage URI (locally s3:// becomes s3a://).
    spark_uri: Callable[[str], str]
    on_glue: bool
    # Glue's GlueContext on Glue (for Glue-only transforms such as EvaluateDataQuality); None locally.
    glue_context: Any = None


def start(job_name: str, resolved: dict[str, Any], s3_paths: bool) -> Runtime:
    """Starts Spark (and on Glue, the Job) for a run whose arguments Glue resolved."""
    launched_by_glue = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver, with its own conf
    context = SparkContext.getOrCreate(None if launched_by_glue else local_conf(s3_paths))
    jvm: Any = context._jvm
    if jvm.org.apache.spark.util.Utils.classIsLoadable(GLUE_CONTEXT_CLASS):
        from awsglue.context import GlueContext
        from awsglue.job import Job

        glue_context = GlueContext(context)
        logger = glue_context.get_logger()
        job = Job(glue_context)
        job.init(job_name, resolved)
        return Runtime(
            glue_context.spark_session, job, lambda event: logger.info(json.dumps(event)), str, True, glue_context
        )

    context.setLogLevel("ERROR")
    return Runtime(SparkSession(context), NoOpJob(), emit_local, to_s3a, False)


def emit_local(event: dict[str, Any]) -> None:
    print(EVENT_PREFIX + json.dumps(event), flush=True)


def to_s3a(uri: str) -> str:
    return "s3a://" + uri[len("s3://") :] if uri.startswith("s3://") else uri


def local_conf(s3_paths: bool) -> SparkConf:
    threads = int(os.environ.get("SPOTIFY_LAKE_SPARK_THREADS", "2"))
    scratch = os.environ.get("SPOTIFY_LAKE_SPARK_SCRATCH")
    conf = (
        SparkConf()
        .setMaster(f"local[{threads}]")
        .setAppName("spotify-lake-etl")
        .set("spark.driver.memory", os.environ.get("SPOTIFY_LAKE_SPARK_MEMORY", "2g"))
        .set("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.sql.adaptive.enabled", "false")
        .set("spark.sql.shuffle.partitions", str(threads))
        .set("spark.sql.session.timeZone", "UTC")
    )
    if scratch:
        conf.set("spark.local.dir", os.path.join(scratch, "spark-local"))
        conf.set("spark.sql.warehouse.dir", os.path.join(scratch, "spark-warehouse"))
    if s3_paths:
        conf.set("spark.jars.packages", HADOOP_AWS_PACKAGE)
        conf.set("spark.jars.ivy", os.environ.get("SPOTIFY_LAKE_IVY", os.path.expanduser("~/.ivy2")))
        endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        if endpoint:
            region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
            conf.set("spark.hadoop.fs.s3a.endpoint", endpoint)
            conf.set("spark.hadoop.fs.s3a.endpoint.region", region)
            conf.set("spark.hadoop.fs.s3a.path.style.access", "true")
            conf.set("spark.hadoop.fs.s3a.connection.ssl.enabled", str(endpoint.startswith("https")).lower())
        conf.set(
            "spark.hadoop.fs.s3a.aws.credentials.provider",
            "com.amazonaws.auth.EnvironmentVariableCredentialsProvider,"
            "com.amazonaws.auth.profile.ProfileCredentialsProvider",
        )
    return conf
