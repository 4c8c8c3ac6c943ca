"""The Glue entrypoint: arguments, Job init/commit, failure handling."""

from __future__ import annotations

import os
import unittest

import fakes

fakes.install()

import spotify_etl_job  # noqa: E402
from etl_errors import EtlInputError  # noqa: E402
from test_pipeline import ETL_SQL_FILE, spark_results, staged_lake  # noqa: E402

ARGV = ["spotify_etl_job.py", "--JOB_NAME", "spotify-etl", "--JOB_RUN_ID", "jr_42",
        "--staging_path", "s3://lake-bucket/staging/", "--warehouse_path", "s3://lake-bucket/datawarehouse/",
        "--quarantine_path", "s3://lake-bucket/quarantine/", "--etl_sql", ETL_SQL_FILE]


class EntrypointTest(unittest.TestCase):
    def setUp(self) -> None:
        fakes.GLUE.events.clear()
        self.s3 = fakes.FakeS3Client()
        fakes.GLUE.spark = fakes.FakeSpark(self.s3, spark_results())

    def test_runs_the_pipeline_and_commits(self) -> None:
        staged_lake(self.s3)
        manifest = spotify_etl_job.main(ARGV + ["--compression", "snappy"], s3_client_factory=lambda: self.s3)
        self.assertEqual(manifest["runId"], "jr_42")
        self.assertEqual(manifest["warehouse"]["compression"], "snappy")
        names = [e[0] for e in fakes.GLUE.events]
        self.assertEqual(names[-1], "job.commit")
        init = next(e for e in fakes.GLUE.events if e[0] == "job.init")
        self.assertEqual(init[1], "spotify-etl")
        asked = next(e for e in fakes.GLUE.events if e[0] == "getResolvedOptions")[1]
        self.assertEqual(asked, ["JOB_NAME", "staging_path", "warehouse_path", "quarantine_path",
                                 "etl_sql", "compression", "JOB_RUN_ID"])
        self.assertTrue(any(e[0] == "info" and "manifest" in e[1] for e in fakes.GLUE.events))

    def test_optional_arguments_take_their_defaults(self) -> None:
        resolved = spotify_etl_job.resolve_arguments(ARGV[:3] + ARGV[5:11], lambda argv, names: {
            n: argv[argv.index(f"--{n}") + 1] for n in names})
        arguments = spotify_etl_job.job_arguments(resolved)
        self.assertEqual((arguments.etl_sql, arguments.compression, arguments.manifest_path, arguments.run_id),
                         ("etl.sql", "zstd", None, ""))

    def test_optional_arguments_may_be_written_with_an_equals_sign(self) -> None:
        resolved = spotify_etl_job.resolve_arguments(ARGV + ["--compression=gzip"], lambda argv, names: names)
        self.assertIn("compression", resolved)

    def test_bad_input_fails_the_run_without_committing(self) -> None:
        staged_lake(self.s3, skip=("artists",))
        with self.assertRaises(EtlInputError):
            spotify_etl_job.main(ARGV, s3_client_factory=lambda: self.s3)
        self.assertNotIn(("job.commit",), fakes.GLUE.events)
        errors = [e[1] for e in fakes.GLUE.events if e[0] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn("staging/artists/: no file for source artists", errors[0])
        self.assertEqual(self.s3.keys("s3://lake-bucket/datawarehouse/"), [])

    def test_a_missing_required_argument_stops_before_spark(self) -> None:
        with self.assertRaises(SystemExit):
            spotify_etl_job.main([a for a in ARGV if a not in ("--quarantine_path", "s3://lake-bucket/quarantine/")])
        self.assertNotIn(("SparkContext.getOrCreate",), fakes.GLUE.events)


if __name__ == "__main__":
    unittest.main()
