"""The Glue job's pipeline against recording fakes of Spark and S3."""

from __future__ import annotations

import json
import os
import unittest

import fakes

fakes.install()

from csv_header import parse_header  # noqa: E402
from etl_errors import EtlInputError, JobArgumentError  # noqa: E402
from pipeline import (  # noqa: E402
    CORRUPT_COLUMN,
    JobArguments,
    run_pipeline,
    validate_arguments,
    views_to_cache,
)
from spotify_contract import CONTRACT  # noqa: E402
from storage import LocalStorage, S3Storage  # noqa: E402
from etl_sql import parse_etl_sql  # noqa: E402

ETL_SQL_FILE = os.path.join(fakes.ETL_DIR, "sql", "etl.sql")
BUCKET = "s3://lake-bucket/"
HEADERS = {name: ",".join(source["fields"]) for name, source in CONTRACT["sources"].items()}
SAMPLE_ROWS = {
    "albums": 'Mind Games,6kXoLlNnR9GYrrJJHv0H9Y,131688,"Unspoken, Vol. 1",2021-11-08 00:00:00 UTC,Struggleville,1,'
    "003ZV1GJgei65uKUgBVBA3,2iSSyYQxLu3XDZwed3Uftp,131.688\n",
    "artists": '2iSSyYQxLu3XDZwed3Uftp,"Billy ""The Kid"" Emerson",12,5000,\n',
    "tracks": "6kXoLlNnR9GYrrJJHv0H9Y,17\n",
}


def staged_lake(s3: fakes.FakeS3Client, headers=None, skip=()) -> None:
    for name in CONTRACT["sources"]:
        if name in skip:
            continue
        header = (headers or {}).get(name, HEADERS[name])
        s3.put_object(Bucket="lake-bucket", Key=f"staging/{name}/{name}.csv",
                      Body=(header + "\n" + SAMPLE_ROWS[name]).encode("utf-8"))


def spark_results() -> dict:
    return {
        "table:source_counts": [
            fakes.Row(source="albums", rows_read=4, accepted=1),
            fakes.Row(source="artists", rows_read=2, accepted=1),
            fakes.Row(source="tracks", rows_read=1, accepted=1),
        ],
        "table:quarantine/groupBy": [
            fakes.Row(source="albums", reason="bad_value", count=2),
            fakes.Row(source="albums", reason="unknown_track", count=1),
            fakes.Row(source="artists", reason="duplicate_key", count=1),
        ],
        "table:datawarehouse/count": 1,
    }


def job_arguments(**overrides) -> JobArguments:
    values = dict(
        staging_path=BUCKET + "staging/",
        warehouse_path=BUCKET + "datawarehouse/",
        quarantine_path=BUCKET + "quarantine",
        etl_sql=ETL_SQL_FILE,
        manifest_path=BUCKET + "manifest.json",
        run_id="jr_0123",
    )
    values.update(overrides)
    return JobArguments(**values)


class PipelineCase(unittest.TestCase):
    def setUp(self) -> None:
        self.s3 = fakes.FakeS3Client()
        self.log = []

    def run_job(self, spark=None, **overrides):
        spark = spark or fakes.FakeSpark(self.s3, spark_results())
        self.spark = spark
        return run_pipeline(spark, job_arguments(**overrides), S3Storage(self.s3), self.log.append)


class RunsTheEtlSql(PipelineCase):
    def test_runs_the_etl_sql_statements_byte_for_byte_and_in_order(self) -> None:
        staged_lake(self.s3)
        self.run_job()
        expected_file = os.environ.get("EXPECTED_STATEMENTS_JSON")
        with open(ETL_SQL_FILE, encoding="utf-8") as handle:
            parsed = parse_etl_sql(handle.read())
        self.assertEqual(self.spark.statements(), [s.sql for s in parsed])
        if expected_file:
            # The statements as the TypeScript parser (the local runner's) returns them.
            with open(expected_file, encoding="utf-8") as handle:
                expected = json.load(handle)
            self.assertEqual(self.spark.statements(), [s["sql"] for s in expected])
            views = [e[1] for e in self.spark.events if e[0] == "view"]
            self.assertEqual(views[3:], [s["name"] for s in expected])
        elif os.environ.get("REQUIRE_EXPECTED_STATEMENTS"):
            self.fail("EXPECTED_STATEMENTS_JSON is not set")

    def test_registers_raw_views_before_the_etl_sql_and_caches_shared_views(self) -> None:
        staged_lake(self.s3)
        self.run_job()
        views = [e[1] for e in self.spark.events if e[0] == "view"]
        self.assertEqual(views[:3], [s["rawView"] for s in CONTRACT["sources"].values()])
        first_sql = next(i for i, e in enumerate(self.spark.events) if e[0] == "sql")
        self.assertEqual([e for e in self.spark.events[:first_sql] if e[0] == "conf"],
                         [("conf", "spark.sql.csv.parser.columnPruning.enabled", "false")])
        cached = [e[1] for e in self.spark.events if e[0] == "cacheTable"]
        self.assertIn("datawarehouse", cached)
        self.assertIn("quarantine", cached)
        # As the ETL SQL file marks them: typed rows, duplicate ranks, unresolved fact rows.
        self.assertIn("checked_albums", cached)
        self.assertIn("dupranks_albums", cached)
        self.assertIn("unresolved_albums", cached)
        self.assertNotIn("deduped_albums", cached)  # streams into its readers

    def test_reads_each_source_as_rfc4180_with_an_all_text_schema_in_header_order(self) -> None:
        headers = {"artists": "Genre,followers, ID ,artist_popularity,name,extra_col"}
        staged_lake(self.s3, headers=headers)
        manifest = self.run_job()
        reads = {e[3][0].split("/")[-2]: e for e in self.spark.events if e[0] == "read"}
        self.assertEqual(sorted(reads), ["albums", "artists", "tracks"])
        _, names, options, paths = reads["artists"]
        self.assertEqual(names, ["genre", "followers", "id", "artist_popularity", "name", "_ignored_5", CORRUPT_COLUMN])
        self.assertEqual(paths, ["s3://lake-bucket/staging/artists/artists.csv"])
        self.assertEqual(options["escape"], '"')
        self.assertEqual(options["quote"], '"')
        self.assertEqual(options["multiLine"], "true")
        self.assertEqual(options["mode"], "PERMISSIVE")
        self.assertEqual(options["columnNameOfCorruptRecord"], CORRUPT_COLUMN)
        self.assertEqual(options["header"], "true")
        self.assertEqual(options["encoding"], "UTF-8")
        self.assertEqual(manifest["sources"]["artists"]["ignoredColumns"], ["extra_col"])
        self.assertTrue(any("extra_col" in line for line in self.log))
        albums_names = reads["albums"][1]
        self.assertEqual(albums_names, CONTRACT["sources"]["albums"]["fields"] + [CORRUPT_COLUMN])

    def test_builds_the_raw_view_columns_from_the_contract(self) -> None:
        staged_lake(self.s3)
        self.run_job()
        selects = [e[1] for e in self.spark.events if e[0] == "selectExpr"]
        parsed, raw = selects[0], selects[1]
        fields = CONTRACT["sources"]["albums"]["fields"]
        self.assertEqual(raw, ["CAST(monotonically_increasing_id() + 1 AS BIGINT) AS _record", "_raw_line",
                               "_parse_error", *fields])
        self.assertEqual(parsed[0], f"{CORRUPT_COLUMN} AS _raw_line")
        self.assertIn("input_file_name()", parsed[1])
        self.assertTrue(parsed[1].endswith("END AS _parse_error"))
        self.assertEqual(parsed[2], f"CASE WHEN {CORRUPT_COLUMN} IS NULL THEN NULLIF(track_name, '') END AS track_name")
        self.assertEqual(len(parsed), 2 + len(fields))
        # The raw view is cached: Spark refuses uncached CSV queries needing only the corrupt column.
        self.assertIn(("cache", "select(select(csv:s3://lake-bucket/staging/albums/albums.csv))"), self.spark.events)

    def test_reads_files_with_different_headers_separately_then_unions_them(self) -> None:
        staged_lake(self.s3)
        self.s3.put_object(Bucket="lake-bucket", Key="staging/tracks/more.csv",
                           Body=b"track_popularity,track_id\n3,0abcdefghijklmnopqrstu\n")
        self.s3.put_object(Bucket="lake-bucket", Key="staging/tracks/_SUCCESS", Body=b"")
        manifest = self.run_job()
        reads = [e for e in self.spark.events if e[0] == "read" and "/tracks/" in e[3][0]]
        self.assertEqual([r[3] for r in reads], [["s3://lake-bucket/staging/tracks/more.csv"],
                                                 ["s3://lake-bucket/staging/tracks/tracks.csv"]])
        self.assertEqual(reads[0][1], ["track_popularity", "track_id", CORRUPT_COLUMN])
        self.assertIn(("union",), self.spark.events)
        self.assertEqual(manifest["sources"]["tracks"]["inputFiles"], [
            "s3://lake-bucket/staging/tracks/more.csv", "s3://lake-bucket/staging/tracks/tracks.csv"])


class PublishesAtomicallyEnough(PipelineCase):
    def test_writes_to_a_run_area_then_copies_then_deletes_and_writes_the_manifest(self) -> None:
        staged_lake(self.s3)
        self.s3.put_object(Bucket="lake-bucket", Key="datawarehouse/part-old.parquet", Body=b"old")
        self.s3.put_object(Bucket="lake-bucket", Key="quarantine/part-old.parquet", Body=b"old")
        manifest = self.run_job(compression="snappy")
        writes = [e for e in self.spark.events if e[0] == "write"]
        self.assertEqual([(w[1], w[2], w[3], w[4]) for w in writes], [
            ("datawarehouse", "errorifexists", {"compression": "snappy"}, "s3://lake-bucket/_runs/jr_0123/datawarehouse/"),
            ("quarantine", "errorifexists", {"compression": "snappy"}, "s3://lake-bucket/_runs/jr_0123/quarantine/"),
        ])
        calls = [c[0] for c in self.s3.calls]
        first_delete = calls.index("delete_objects")
        self.assertEqual(calls.count("copy"), 2)
        self.assertTrue(all(i < first_delete for i, c in enumerate(calls) if c == "copy"))
        keys = self.s3.keys()
        self.assertNotIn("s3://lake-bucket/datawarehouse/part-old.parquet", keys)
        self.assertEqual(self.s3.keys("s3://lake-bucket/_runs/"), [])
        self.assertEqual(manifest["warehouse"]["files"], self.s3.keys("s3://lake-bucket/datawarehouse/"))
        self.assertEqual(len(manifest["quarantine"]["files"]), 1)
        self.assertTrue(manifest["warehouse"]["files"][0].endswith(".snappy.parquet"))
        self.assertEqual(self.s3.keys("s3://lake-bucket/staging/"), [
            f"s3://lake-bucket/staging/{s}/{s}.csv" for s in ("albums", "artists", "tracks")])
        stored = json.loads(self.s3.objects[("lake-bucket", "manifest.json")])
        self.assertEqual(stored, manifest)
        put = [c for c in self.s3.calls if c[0] == "put_object" and c[1]["Key"] == "manifest.json"]
        self.assertEqual(put[0][1]["ContentType"], "application/json")

    def test_reports_counts_per_source_and_reason(self) -> None:
        staged_lake(self.s3)
        manifest = self.run_job()
        albums = manifest["sources"]["albums"]
        self.assertEqual((albums["rows"], albums["accepted"], albums["quarantined"]), (4, 1, 3))
        self.assertEqual(albums["byReason"]["bad_value"], 2)
        self.assertEqual(list(albums["byReason"]), CONTRACT["quarantineReasons"])
        self.assertEqual(manifest["quarantine"]["bySource"], {"albums": 3, "artists": 1, "tracks": 0})
        self.assertEqual(manifest["quarantine"]["rows"], 4)
        self.assertEqual(manifest["quarantine"]["byReason"]["duplicate_key"], 1)
        self.assertEqual(manifest["warehouse"]["rows"], 1)
        self.assertEqual(manifest["etlSql"]["statements"], len(self.spark.statements()))
        self.assertEqual(manifest["runId"], "jr_0123")

    def test_a_failing_statement_publishes_nothing(self) -> None:
        staged_lake(self.s3)
        self.s3.put_object(Bucket="lake-bucket", Key="datawarehouse/part-old.parquet", Body=b"old")
        before = dict(self.s3.objects)
        spark = fakes.FakeSpark(self.s3, spark_results(), fail_sql="FROM deduped_albums w")
        with self.assertRaises(fakes.SparkFailure):
            self.run_job(spark=spark)
        self.assertEqual(self.s3.objects, before)
        self.assertFalse([e for e in spark.events if e[0] == "write"])

    def test_a_failing_write_removes_the_staged_files_and_leaves_the_targets(self) -> None:
        staged_lake(self.s3)
        self.s3.put_object(Bucket="lake-bucket", Key="datawarehouse/part-old.parquet", Body=b"old")
        before = dict(self.s3.objects)
        spark = fakes.FakeSpark(self.s3, spark_results(), fail_write="quarantine")
        with self.assertRaises(fakes.SparkFailure):
            self.run_job(spark=spark)
        self.assertEqual(self.s3.objects, before)
        self.assertEqual(len([e for e in spark.events if e[0] == "write"]), 2)

    def test_a_failing_copy_rolls_back_the_copies(self) -> None:
        staged_lake(self.s3)
        self.s3.put_object(Bucket="lake-bucket", Key="quarantine/part-old.parquet", Body=b"old")
        before = dict(self.s3.objects)
        self.s3.fail_copy_after = 1
        with self.assertRaises(fakes.ClientError):
            self.run_job()
        self.assertEqual(self.s3.objects, before)

    def test_rows_unaccounted_for_fail_the_run_before_anything_is_written(self) -> None:
        staged_lake(self.s3)
        results = spark_results()
        results["table:source_counts"][0] = fakes.Row(source="albums", rows_read=5, accepted=1)
        spark = fakes.FakeSpark(self.s3, results)
        before = dict(self.s3.objects)
        with self.assertRaisesRegex(RuntimeError, "albums: rows 5 != accepted 1 \\+ quarantined 3"):
            self.run_job(spark=spark)
        self.assertEqual(self.s3.objects, before)


class RunsOnALocalFolder(unittest.TestCase):
    def test_reads_writes_and_publishes_local_paths(self) -> None:
        import tempfile

        with tempfile.TemporaryDirectory() as root:
            storage = LocalStorage()
            for name in CONTRACT["sources"]:
                storage.write_text(f"{root}/staging/{name}/{name}.csv", HEADERS[name] + "\n" + SAMPLE_ROWS[name], "text/csv")
            storage.write_text(f"{root}/datawarehouse/part-old.parquet", "old", "application/octet-stream")
            spark = fakes.FakeSpark(fakes.FakeS3Client(), spark_results())
            manifest = run_pipeline(spark, JobArguments(
                staging_path=f"{root}/staging", warehouse_path=f"{root}/datawarehouse",
                quarantine_path=f"{root}/quarantine", etl_sql=ETL_SQL_FILE,
                manifest_path=f"{root}/manifest.json", run_id="local"), storage)
            files = sorted(os.path.relpath(f.uri, root) for f in storage.list_files(root))
            self.assertEqual([f for f in files if not f.startswith("staging/")], [
                "datawarehouse/" + os.path.basename(manifest["warehouse"]["files"][0]),
                "manifest.json",
                "quarantine/" + os.path.basename(manifest["quarantine"]["files"][0]),
            ])
            self.assertEqual(json.loads(storage.read_text(f"{root}/manifest.json"))["runId"], "local")
            self.assertFalse(os.path.exists(f"{root}/_runs"))


class RejectsBadInput(PipelineCase):
    def assert_nothing_done(self, spark: fakes.FakeSpark, before: dict) -> None:
        self.assertEqual(self.s3.objects, before)
        self.assertEqual([e for e in spark.events if e[0] in ("read", "sql", "write")], [])

    def test_a_missing_column_names_the_file_and_the_column(self) -> None:
        staged_lake(self.s3, headers={"albums": HEADERS["albums"].replace(",duration_ms", "")})
        spark = fakes.FakeSpark(self.s3, spark_results())
        before = dict(self.s3.objects)
        with self.assertRaises(EtlInputError) as caught:
            self.run_job(spark=spark)
        self.assertIn("s3://lake-bucket/staging/albums/albums.csv", str(caught.exception))
        self.assertIn('required column is missing from the header: "duration_ms"', str(caught.exception))
        self.assert_nothing_done(spark, before)

    def test_a_missing_file_names_the_folder_and_the_expected_file(self) -> None:
        staged_lake(self.s3, skip=("tracks",))
        spark = fakes.FakeSpark(self.s3, spark_results())
        before = dict(self.s3.objects)
        with self.assertRaisesRegex(EtlInputError, "s3://lake-bucket/staging/tracks/: no file for source tracks "
                                                   "\\(expected tracks.csv"):
            self.run_job(spark=spark)
        self.assert_nothing_done(spark, before)

    def test_an_empty_file_or_a_duplicated_column_is_named(self) -> None:
        staged_lake(self.s3)
        self.s3.put_object(Bucket="lake-bucket", Key="staging/tracks/tracks.csv", Body=b"")
        with self.assertRaisesRegex(EtlInputError, "tracks.csv: the file is empty; expected a header row"):
            self.run_job()
        staged_lake(self.s3, headers={"tracks": "track_id,Track_ID,track_popularity"})
        with self.assertRaisesRegex(EtlInputError, 'column "track_id" appears 2 times in the header'):
            self.run_job()

    def test_headers_are_matched_trimmed_and_case_folded_with_bom_and_quotes(self) -> None:
        self.assertEqual(parse_header('\ufeff"Track_ID", track_popularity \r\n1,2\n'.encode("utf-8"), "t.csv"),
                         ["Track_ID", " track_popularity "])
        with self.assertRaisesRegex(EtlInputError, "t.csv: the header is not valid UTF-8"):
            parse_header(b"track_id,\xff\n", "t.csv")

    def test_arguments_are_checked_and_named(self) -> None:
        with self.assertRaisesRegex(JobArgumentError, "--compression must be one of zstd, snappy, gzip"):
            validate_arguments(job_arguments(compression="lz0"))
        with self.assertRaisesRegex(JobArgumentError, "--warehouse_path must be a folder inside a bucket"):
            validate_arguments(job_arguments(warehouse_path="s3://lake-bucket/"))
        with self.assertRaisesRegex(JobArgumentError, "--quarantine_path .* and --warehouse_path .* overlap"):
            validate_arguments(job_arguments(quarantine_path=BUCKET + "datawarehouse/quarantine/"))
        with self.assertRaisesRegex(JobArgumentError, "must all be s3:// URIs or all local paths"):
            validate_arguments(job_arguments(manifest_path="/tmp/manifest.json"))
        with self.assertRaisesRegex(JobArgumentError, "--staging_path is required"):
            validate_arguments(job_arguments(staging_path=" "))
        with self.assertRaisesRegex(JobArgumentError, "--etl_sql /nowhere/etl.sql: file not found"):
            staged_lake(self.s3)
            self.run_job(etl_sql="/nowhere/etl.sql")

    def test_defaults_are_zstd_and_etl_sql_in_the_working_directory(self) -> None:
        args = JobArguments(staging_path="s3://b/staging", warehouse_path="s3://b/dw", quarantine_path="s3://b/q")
        self.assertEqual((args.compression, args.etl_sql, args.manifest_path), ("zstd", "etl.sql", None))
        normalized = validate_arguments(args)
        self.assertEqual(normalized.staging_path, "s3://b/staging/")
        self.assertRegex(normalized.run_id, r"^\d{8}T\d{6}Z-[0-9a-f]{8}$")


class CachesWhatIsShared(unittest.TestCase):
    def test_caches_outputs_and_the_statements_marked_materialize(self) -> None:
        from etl_sql import EtlStatement as S
        statements = [S("a", "SELECT 1", True), S("b", "SELECT * FROM a"), S("c", "SELECT * FROM a JOIN b"),
                      S("datawarehouse", "SELECT * FROM c"), S("quarantine", "SELECT * FROM ab")]
        self.assertEqual(views_to_cache(statements), ["a", "datawarehouse", "quarantine"])


if __name__ == "__main__":
    unittest.main()
