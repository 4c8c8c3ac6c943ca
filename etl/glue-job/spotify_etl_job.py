"""AWS Glue 5.0 entrypoint of the Spotify lake ETL (Spark 3.5.4, Python 3.11), run the same way locally.

Arguments: the contract's list (CONTRACT["jobArguments"], see job_arguments.py) plus Glue's JOB_NAME; Glue adds
JOB_RUN_ID, which names the run's files. Ship the other modules of this folder with --extra-py-files and
etl/sql/etl.sql with --extra-files.

Glue runs this script with its Spark and the Glue jar: the run gets a GlueContext and a Job (glue_runtime.py).
`pnpm start --engine spark` runs the same script with `python`, a local Spark and a folder for the bucket.

Bad rows never fail the job: they go to quarantine. Bad arguments or input fail it with a message naming the argument
or the file, line and column, and nothing is published; the Job is committed only after the manifest is.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import glue_runtime
from etl_errors import EtlInputError, JobArgumentError
from job_arguments import parse_job_arguments
from pipeline import DataQualityError, run_job
from storage import S3_SCHEME, storage_for


def default_s3_client() -> Any:
    import boto3

    return boto3.client("s3")


def error_event(error: BaseException) -> dict[str, Any]:
    """What a failed run reports before it fails, so that the local runner can say it as its own error."""
    if isinstance(error, EtlInputError):
        return {
            "step": "error",
            "kind": "input",
            "file": error.file,
            "row": error.row,
            "column": error.column,
            "problem": error.problem,
            "message": str(error),
        }
    if isinstance(error, DataQualityError):
        return {"step": "error", "kind": "data-quality", "report": error.report, "message": str(error)}
    kind = "argument" if isinstance(error, JobArgumentError) else "internal"
    return {"step": "error", "kind": kind, "message": f"{type(error).__name__}: {error}"}


def main(argv: list[str] | None = None, s3_client: Callable[[], Any] = default_s3_client) -> dict[str, Any]:
    args = parse_job_arguments(sys.argv if argv is None else argv)
    runtime = glue_runtime.start(args.job_name, args.glue_options, args.staging_path.startswith(S3_SCHEME))
    try:
        manifest = run_job(runtime, args, storage_for(args.staging_path, s3_client))
    except Exception as error:
        # Reported, then re-raised: the run fails with this message and the Job is not committed.
        runtime.emit(error_event(error))
        raise
    runtime.job.commit()
    return manifest


if __name__ == "__main__":
    main()
