"""The Glue job's arguments, parsed by awsglue's own getResolvedOptions.

The list is the contract's (GLUE_JOB_ARGUMENTS in packages/contract/src/glue-job-contract.ts, generated into
spotify_contract.py as CONTRACT["jobArguments"]), plus Glue's JOB_NAME. Glue passes each as `--name value`.

getResolvedOptions registers Glue's own arguments (JOB_ID, JOB_RUN_ID, ...) itself and fails with argparse's
"conflicting option string" when asked for one of them again (awslabs/aws-glue-libs#22), so JOB_RUN_ID is never
asked for: it is read from what getResolvedOptions returns. It knows no optional arguments either (each name it is
asked for is required), so an optional one is asked for only when the command line gives it. A missing required
argument raises awsglue.utils.GlueArgumentError naming it; a bad value raises JobArgumentError naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from awsglue.utils import getResolvedOptions

from etl_errors import JobArgumentError
from spotify_contract import CONTRACT

# Glue's own argument naming the job; Glue passes it on every run.
JOB_NAME = "JOB_NAME"
PARQUET_CODECS = ("zstd", "snappy", "gzip", "uncompressed")
DATA_QUALITY_FAILURE = ("fail", "warn")
# The run id names the run's files (part-00000-<run id>.parquet): Glue's are `jr_<hex>`, the local runner's
# RUN_ID_PATTERN's; anything that could not be a file name is refused rather than rewritten.
RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")
# Arguments naming a folder (normalized to one trailing slash) and a file.
FOLDER_ARGUMENTS = ("staging_path", "warehouse_path", "quarantine_path", "runs_path")
S3_SCHEME = "s3://"


@dataclass(frozen=True)
class JobArguments:
    """Every argument of the contract's list, as the job uses it (folders end with one slash)."""

    job_name: str
    # Glue's JOB_RUN_ID; a new id when the job runs without one.
    run_id: str
    staging_path: str
    warehouse_path: str
    quarantine_path: str
    runs_path: str
    manifest_path: str
    etl_sql: str
    compression: str
    data_quality_failure: str
    # Everything getResolvedOptions returned (Glue's own arguments too), for Glue's Job.init.
    glue_options: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def contract_arguments() -> list[dict[str, Any]]:
    arguments: list[dict[str, Any]] = CONTRACT["jobArguments"]
    return arguments


def given(argv: list[str], name: str) -> bool:
    """Whether the command line gives `--name` (as `--name value` or `--name=value`)."""
    return any(a == f"--{name}" or a.startswith(f"--{name}=") for a in argv[1:])


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid4().hex[:8]


def parse_job_arguments(argv: list[str]) -> JobArguments:
    """Parses a command line as Glue passes it (argv[0] is the script) into the job's arguments.

    Raises awsglue.utils.GlueArgumentError for a missing required argument, JobArgumentError for a bad value.
    Arguments the job does not know (Glue's --TempDir, --enable-metrics, ...) are left to Glue.
    """
    arguments = contract_arguments()
    asked = [JOB_NAME] + [a["name"] for a in arguments if a["required"] or given(argv, a["name"])]
    resolved: dict[str, Any] = getResolvedOptions(argv, asked)
    values = {a["name"]: resolved.get(a["name"], a.get("default")) for a in arguments}
    run_id = resolved.get("JOB_RUN_ID") or ""
    return validate(str(resolved[JOB_NAME]), run_id or new_run_id(), values, resolved)


def as_folder(path: str) -> str:
    """A folder path or URI with exactly one trailing slash."""
    return path.rstrip("/") + "/"


def validate(
    job_name: str, run_id: str, values: dict[str, Any], glue_options: dict[str, Any] | None = None
) -> JobArguments:
    """Checks every value, naming each argument that is wrong, and normalizes the folders."""
    problems = []
    for name, value in values.items():
        if value is None or str(value).strip() == "":
            problems.append(f"--{name} must not be empty")
    if not RUN_ID.fullmatch(run_id):
        problems.append(f"--JOB_RUN_ID must be letters, digits, '_', '.' or '-' (it names files), got {run_id!r}")
    if values["compression"] not in PARQUET_CODECS:
        problems.append(f"--compression must be one of {', '.join(PARQUET_CODECS)}, got {values['compression']!r}")
    if values["data_quality_failure"] not in DATA_QUALITY_FAILURE:
        problems.append(
            f"--data_quality_failure must be one of {', '.join(DATA_QUALITY_FAILURE)}, "
            f"got {values['data_quality_failure']!r}"
        )
    if problems:
        raise JobArgumentError("; ".join(problems))

    folders = {name: as_folder(str(values[name]).strip()) for name in FOLDER_ARGUMENTS}
    manifest_path = str(values["manifest_path"]).strip()
    for name, folder in folders.items():
        if folder.startswith(S3_SCHEME) and folder[len(S3_SCHEME) :].strip("/").count("/") == 0:
            problems.append(f"--{name} must be a folder inside a bucket, not the bucket root: {folder}")
    if manifest_path.endswith("/"):
        problems.append(f"--manifest_path must name a file, got {manifest_path!r}")
    if len({p.startswith(S3_SCHEME) for p in [*folders.values(), manifest_path]}) > 1:
        problems.append(
            "--staging_path, --warehouse_path, --quarantine_path, --runs_path and --manifest_path must all be "
            "s3:// URIs or all local paths"
        )
    names = list(folders)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            # Each folder is read, written or cleaned on its own: one inside another would mix them.
            if folders[a].startswith(folders[b]) or folders[b].startswith(folders[a]):
                problems.append(f"--{a} ({folders[a]}) and --{b} ({folders[b]}) overlap; they must be separate folders")
        if manifest_path.startswith(folders[a]):
            problems.append(f"--manifest_path ({manifest_path}) must not be inside --{a} ({folders[a]})")
    if problems:
        raise JobArgumentError("; ".join(problems))
    return JobArguments(
        job_name=job_name,
        run_id=run_id,
        staging_path=folders["staging_path"],
        warehouse_path=folders["warehouse_path"],
        quarantine_path=folders["quarantine_path"],
        runs_path=folders["runs_path"],
        manifest_path=manifest_path,
        etl_sql=str(values["etl_sql"]),
        compression=str(values["compression"]),
        data_quality_failure=str(values["data_quality_failure"]),
        glue_options=dict(glue_options or {}),
    )
