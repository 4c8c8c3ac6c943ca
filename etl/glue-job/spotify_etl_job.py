"""AWS Glue 5.0 entrypoint of the Spotify lake ETL (Spark 3.5, Python 3.11).

Job arguments (Glue passes them as --name value):
  --staging_path     s3://bucket/staging/: holds albums/, artists/, tracks/ with the CSV files (required)
  --warehouse_path   s3://bucket/datawarehouse/: the warehouse table's Parquet files (required)
  --quarantine_path  s3://bucket/quarantine/: rejected rows with their reason (required)
  --etl_sql          the ETL SQL file; default etl.sql, which --extra-files copies to the
                     working directory (ship etl/sql/etl.sql)
  --manifest_path    optional s3://bucket/manifest.json: the run summary
  --compression      Parquet codec: zstd (default), snappy, gzip or uncompressed
Ship pipeline.py, etl_sql.py, csv_header.py, storage.py, etl_errors.py and spotify_contract.py
with --extra-py-files.

Bad rows never fail the job: they go to quarantine. A missing file or column, or a bad argument,
fails it with a message naming the file and column, and nothing is written.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable, Dict, List, Optional

from pipeline import DEFAULT_COMPRESSION, DEFAULT_ETL_SQL, JobArguments, run_pipeline
from storage import storage_for

REQUIRED_ARGUMENTS = ["JOB_NAME", "staging_path", "warehouse_path", "quarantine_path"]
OPTIONAL_ARGUMENTS = ["etl_sql", "manifest_path", "compression", "JOB_RUN_ID"]


def resolve_arguments(argv: List[str], get_resolved_options: Callable[[List[str], List[str]], Dict[str, str]]) -> Dict[str, str]:
    """getResolvedOptions fails on any name it cannot find, so optional ones are asked only when given."""
    present = [name for name in OPTIONAL_ARGUMENTS if any(a == f"--{name}" or a.startswith(f"--{name}=") for a in argv)]
    return get_resolved_options(argv, REQUIRED_ARGUMENTS + present)


def job_arguments(resolved: Dict[str, str]) -> JobArguments:
    return JobArguments(
        staging_path=resolved["staging_path"],
        warehouse_path=resolved["warehouse_path"],
        quarantine_path=resolved["quarantine_path"],
        etl_sql=resolved.get("etl_sql", DEFAULT_ETL_SQL),
        manifest_path=resolved.get("manifest_path"),
        compression=resolved.get("compression", DEFAULT_COMPRESSION),
        run_id=resolved.get("JOB_RUN_ID", ""),
    )


def main(argv: Optional[List[str]] = None, s3_client_factory: Optional[Callable[[], Any]] = None) -> Dict[str, Any]:
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    argv = sys.argv if argv is None else argv
    resolved = resolve_arguments(argv, getResolvedOptions)
    glue_context = GlueContext(SparkContext.getOrCreate())
    logger = glue_context.get_logger()
    job = Job(glue_context)
    job.init(resolved["JOB_NAME"], resolved)
    arguments = job_arguments(resolved)

    def s3_client() -> Any:
        if s3_client_factory is not None:
            return s3_client_factory()
        import boto3

        return boto3.client("s3")

    try:
        manifest = run_pipeline(
            glue_context.spark_session, arguments, storage_for(arguments.staging_path, s3_client), logger.info
        )
    except Exception as error:
        # Logged for CloudWatch, then re-raised so the run fails with this message and is not committed.
        logger.error(f"spotify-lake ETL failed: {error}")
        raise
    logger.info("spotify-lake ETL manifest: " + json.dumps(manifest))
    job.commit()
    return manifest


if __name__ == "__main__":
    main()
