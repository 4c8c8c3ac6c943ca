"""parse_job_arguments against the real awsglue.utils.getResolvedOptions (AWSGlueDataplanePython 5.0.0)."""

from __future__ import annotations

import dataclasses

import pytest
from awsglue.utils import GlueArgumentError, getResolvedOptions

from etl_errors import JobArgumentError
from job_arguments import JobArguments, parse_job_arguments
from spotify_contract import CONTRACT

# What Glue 5.0 passes a run: its own arguments around the job's (see the AWS Glue docs on job parameters).
GLUE_ARGV = [
    "spotify_etl_job.py",
    "--JOB_ID",
    "j_0123",
    "--JOB_RUN_ID",
    "jr_4f1e",
    "--JOB_NAME",
    "spotify-etl",
    "--job-bookmark-option",
    "job-bookmark-disable",
    "--TempDir",
    "s3://lake/tmp/",
    "--enable-metrics",
    "true",
    "--staging_path",
    "s3://lake/staging/",
    "--warehouse_path",
    "s3://lake/datawarehouse",
    "--quarantine_path",
    "s3://lake/quarantine/",
    "--runs_path",
    "s3://lake/_runs/",
    "--manifest_path",
    "s3://lake/manifest.json",
]


def without(argv: list[str], name: str) -> list[str]:
    at = argv.index(f"--{name}")
    return argv[:at] + argv[at + 2 :]


def test_the_bug_it_avoids_asking_getresolvedoptions_for_job_run_id_fails_every_run() -> None:
    # awslabs/aws-glue-libs#22: JOB_RUN_ID is registered by getResolvedOptions itself.
    with pytest.raises(Exception, match="conflicting option string: --JOB_RUN_ID"):
        getResolvedOptions(GLUE_ARGV, ["JOB_NAME", "JOB_RUN_ID"])


def test_parses_a_glue_command_line_and_takes_the_run_id_glue_passes() -> None:
    args = parse_job_arguments(GLUE_ARGV)
    assert args == JobArguments(
        job_name="spotify-etl",
        run_id="jr_4f1e",
        staging_path="s3://lake/staging/",
        warehouse_path="s3://lake/datawarehouse/",
        quarantine_path="s3://lake/quarantine/",
        runs_path="s3://lake/_runs/",
        manifest_path="s3://lake/manifest.json",
        etl_sql="etl.sql",
        compression="zstd",
        data_quality_failure="fail",
    )


def test_knows_exactly_the_contract_arguments_with_their_defaults() -> None:
    fields = {f.name for f in dataclasses.fields(JobArguments)} - {"job_name", "run_id", "glue_options"}
    assert fields == {a["name"] for a in CONTRACT["jobArguments"]}
    args = parse_job_arguments(GLUE_ARGV)
    for argument in CONTRACT["jobArguments"]:
        if not argument["required"]:
            assert getattr(args, argument["name"]) == argument["default"], argument["name"]


def test_optional_arguments_as_name_value_or_name_equals_value() -> None:
    args = parse_job_arguments([*GLUE_ARGV, "--compression=snappy", "--etl_sql", "/opt/etl.sql"])
    assert (args.compression, args.etl_sql) == ("snappy", "/opt/etl.sql")
    args = parse_job_arguments([*GLUE_ARGV, "--data_quality_failure", "warn"])
    assert args.data_quality_failure == "warn"


@pytest.mark.parametrize("name", [a["name"] for a in CONTRACT["jobArguments"] if a["required"]] + ["JOB_NAME"])
def test_a_missing_required_argument_raises_glue_argument_error_naming_it(name: str) -> None:
    with pytest.raises(GlueArgumentError, match=f"required: --{name}"):
        parse_job_arguments(without(GLUE_ARGV, name))


def test_without_job_run_id_a_run_gets_a_fresh_id() -> None:
    first = parse_job_arguments(without(GLUE_ARGV, "JOB_RUN_ID")).run_id
    second = parse_job_arguments(without(GLUE_ARGV, "JOB_RUN_ID")).run_id
    assert first != second
    assert first[:8].isdigit()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--compression", "lz4"], "--compression must be one of zstd, snappy, gzip, uncompressed, got 'lz4'"),
        (["--data_quality_failure", "ignore"], "--data_quality_failure must be one of fail, warn, got 'ignore'"),
        (["--etl_sql", " "], "--etl_sql must not be empty"),
    ],
)
def test_a_bad_value_raises_job_argument_error_naming_the_argument(extra: list[str], message: str) -> None:
    with pytest.raises(JobArgumentError, match=message.replace("(", r"\(")):
        parse_job_arguments([*GLUE_ARGV, *extra])


def replace(argv: list[str], name: str, value: str) -> list[str]:
    at = argv.index(f"--{name}")
    return [*argv[: at + 1], value, *argv[at + 2 :]]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("JOB_RUN_ID", "jr/../x", "--JOB_RUN_ID must be letters, digits"),
        ("staging_path", "s3://lake", "--staging_path must be a folder inside a bucket, not the bucket root"),
        ("warehouse_path", "s3://lake/staging/dw/", "--staging_path (s3://lake/staging/) and --warehouse_path"),
        ("runs_path", "s3://lake/quarantine/runs", "--quarantine_path (s3://lake/quarantine/) and --runs_path"),
        (
            "manifest_path",
            "s3://lake/datawarehouse/m.json",
            "--manifest_path (s3://lake/datawarehouse/m.json) must not",
        ),
        ("manifest_path", "s3://lake/m/", "--manifest_path must name a file"),
        ("quarantine_path", "/tmp/q/", "must all be s3:// URIs or all local paths"),
    ],
)
def test_refuses_paths_that_cannot_work_together(name: str, value: str, message: str) -> None:
    with pytest.raises(JobArgumentError) as raised:
        parse_job_arguments(replace(GLUE_ARGV, name, value))
    assert message in str(raised.value)


def test_local_paths_work_as_the_local_runner_passes_them() -> None:
    argv = ["job.py", "--JOB_NAME", "local", "--JOB_RUN_ID", "2026-01-02T03-04-05-006Z-abcdef"]
    for name, path in [
        ("staging_path", "/l/.spotify-lake/runs/r/staging"),
        ("warehouse_path", "/l/datawarehouse/"),
        ("quarantine_path", "/l/quarantine/"),
        ("runs_path", "/l/.spotify-lake/runs/r/job/"),
        ("manifest_path", "/l/.spotify-lake/runs/r/job-manifest.json"),
    ]:
        argv += [f"--{name}", path]
    args = parse_job_arguments(argv)
    assert (args.staging_path, args.run_id) == ("/l/.spotify-lake/runs/r/staging/", "2026-01-02T03-04-05-006Z-abcdef")
