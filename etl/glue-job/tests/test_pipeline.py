"""The job's work on real Spark: the ETL SQL in order, the counts, and the publishing protocol with its recovery."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import ETL_SQL, FIXTURES, Events
from etl_errors import EtlInputError, JobArgumentError
from etl_sql import parse_etl_sql
from job_arguments import JobArguments
from pipeline import DataQualityError, deletable, manifest_files, recover_earlier_runs, run_job
from spotify_contract import CONTRACT
from storage import LocalStorage

RUN_1 = "2026-01-01T00-00-00-000Z-aaaaaa"
RUN_2 = "2026-01-02T00-00-00-000Z-bbbbbb"


def arguments(root: Path, run_id: str = RUN_1, **overrides: str) -> JobArguments:
    values: dict[str, Any] = {
        "job_name": "spotify-etl",
        "run_id": run_id,
        "staging_path": f"{root}/staging/",
        "warehouse_path": f"{root}/datawarehouse/",
        "quarantine_path": f"{root}/quarantine/",
        "runs_path": f"{root}/_runs/",
        "manifest_path": f"{root}/manifest.json",
        "etl_sql": ETL_SQL,
        "compression": "zstd",
        "data_quality_failure": "fail",
        **overrides,
    }
    return JobArguments(**values)


def messy_lake(root: Path) -> Path:
    for source in CONTRACT["sources"]:
        (root / "staging" / source).mkdir(parents=True)
        shutil.copy(os.path.join(FIXTURES, "messy", f"{source}.csv"), root / "staging" / source)
    return root


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_runs_the_etl_sql_in_order_and_publishes_run_named_files_and_the_manifest(
    runtime: Any, events: Events, tmp_path: Path
) -> None:
    root = messy_lake(tmp_path)
    manifest = run_job(runtime, arguments(root), LocalStorage())

    with open(ETL_SQL, encoding="utf-8") as handle:
        statements = parse_etl_sql(handle.read())
    assert [e["statement"] for e in events.steps("sql")] == [s.name for s in statements]
    assert manifest["sources"]["albums"] == {
        "rows": 16,
        "accepted": 4,
        "quarantined": 12,
        "byReason": {
            "malformed_row": 3,
            "bad_value": 3,
            "duplicate_row": 1,
            "duplicate_key": 1,
            "unknown_artist": 2,
            "unknown_track": 2,
        },
        "ignoredColumns": ["extra_note"],
        "inputFiles": [f"{root}/staging/albums/albums.csv"],
    }
    assert (manifest["warehouse"]["rows"], manifest["quarantine"]["rows"]) == (4, 24)
    assert manifest["job"] == CONTRACT["jobManifest"]
    assert (manifest["dataQuality"]["verdict"], manifest["dataQuality"]["failed"]) == ("pass", [])
    assert manifest["engine"] == "spark"
    # Every data file is named by the run, in its table's folder; the run's work area is gone.
    for zone in ("warehouse", "quarantine"):
        assert manifest["files"][zone]
        for i, uri in enumerate(manifest["files"][zone]):
            assert uri == f"{root}/{CONTRACT['lakeZones'][zone]}part-{i:05d}-{RUN_1}.parquet"
    assert not (root / "_runs").exists()
    assert json.loads((root / "manifest.json").read_text()) == manifest
    written = runtime.spark.read.parquet(*manifest["files"]["quarantine"])
    assert written.count() == 24
    assert written.columns[:5] == ["source", "record", "reason", "detail", "raw_line"]


def test_a_second_run_replaces_the_first_runs_files_and_nothing_else(
    runtime: Any, events: Events, tmp_path: Path
) -> None:
    root = messy_lake(tmp_path)
    first = run_job(runtime, arguments(root), LocalStorage())
    # A file the job did not write, in a table folder: never deleted.
    (root / "datawarehouse" / "someone-elses.parquet").write_bytes(b"x")
    second = run_job(runtime, arguments(root, RUN_2), LocalStorage())
    assert files_under(root / "datawarehouse") == sorted(
        ["someone-elses.parquet", *[os.path.basename(u) for u in second["files"]["warehouse"]]]
    )
    assert all(RUN_2 in u for u in second["files"]["quarantine"])
    assert {k: v["rows"] for k, v in second["sources"].items()} == {k: v["rows"] for k, v in first["sources"].items()}
    assert [e["message"] for e in events.steps("cleanup")][-1].startswith(
        f"removed {len(manifest_files(first))} file(s) of run {RUN_1}"
    )


def committed_lake(root: Path, run_id: str, files: int = 2) -> dict[str, Any]:
    """A lake as a committed run leaves it: its table files and its manifest (no Spark needed)."""
    manifest: dict[str, Any] = {"job": CONTRACT["jobManifest"], "runId": run_id, "files": {}}
    for zone in ("warehouse", "quarantine"):
        folder = root / CONTRACT["lakeZones"][zone]
        folder.mkdir(parents=True, exist_ok=True)
        manifest["files"][zone] = []
        for i in range(files):
            (folder / f"part-{i:05d}-{run_id}.parquet").write_bytes(b"data")
            manifest["files"][zone].append(f"{folder}/part-{i:05d}-{run_id}.parquet")
    (root / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return manifest


def died(root: Path, run_id: str, creates: list[str], replaces: dict[str, Any] | None) -> None:
    """The journal and work area of a run that died; the files it names as created exist."""
    area = root / "_runs" / run_id
    (area / "datawarehouse").mkdir(parents=True)
    (area / "datawarehouse" / "part-0.parquet").write_bytes(b"x")
    for uri in creates:
        Path(uri).write_bytes(b"half")
    journal = {
        "runId": run_id,
        "creates": creates,
        "replacesRunId": replaces["runId"] if replaces else None,
        "replaces": manifest_files(replaces) if replaces else [],
    }
    (area / "publish.json").write_text(json.dumps(journal), "utf-8")


def test_the_next_run_rolls_back_a_run_that_died_before_its_commit(tmp_path: Path, events: Events) -> None:
    committed = committed_lake(tmp_path, RUN_1)
    dead = "2026-01-01T12-00-00-000Z-dddddd"
    orphan = f"{tmp_path}/datawarehouse/part-00000-{dead}.parquet"
    # Its journal also names a file that is not its to delete (another run's name): it stays.
    foreign = f"{tmp_path}/datawarehouse/part-00000-{RUN_1}x.parquet"
    Path(foreign).write_bytes(b"keep")
    died(tmp_path, dead, [orphan, foreign], committed)
    recover_earlier_runs(LocalStorage(), arguments(tmp_path, RUN_2), committed, events)
    assert not os.path.exists(orphan) and os.path.exists(foreign)
    assert not (tmp_path / "_runs").exists()
    assert all(os.path.exists(u) for u in manifest_files(committed))


def test_the_next_run_finishes_a_run_that_died_after_its_commit(tmp_path: Path, events: Events) -> None:
    replaced = committed_lake(tmp_path, RUN_1, files=3)
    current = committed_lake(tmp_path, RUN_2, files=1)
    died(tmp_path, RUN_2, [], replaced)
    recover_earlier_runs(LocalStorage(), arguments(tmp_path, "2026-01-03T00-00-00-000Z-cccccc"), current, events)
    assert files_under(tmp_path / "datawarehouse") == [f"part-00000-{RUN_2}.parquet"]
    assert files_under(tmp_path / "quarantine") == [f"part-00000-{RUN_2}.parquet"]
    assert not (tmp_path / "_runs").exists()


def test_the_next_run_removes_table_files_of_dead_runs_whose_journal_expired(tmp_path: Path, events: Events) -> None:
    # The lifecycle rule expired `_runs/`: two runs died days ago, one before its commit (its files were never
    # listed) and one after it, before removing the files it replaced; no journal says so any more.
    committed = committed_lake(tmp_path, RUN_2, files=1)
    glue_dead = "jr_" + "0123456789abcdef" * 4
    local_dead = "2026-01-01T12-00-00-000Z-dddddd"
    dead = [
        f"{tmp_path}/datawarehouse/part-00000-{glue_dead}.parquet",
        f"{tmp_path}/quarantine/part-00003-{glue_dead}.parquet",
        f"{tmp_path}/datawarehouse/part-00000-{local_dead}.parquet",
        f"{tmp_path}/quarantine/part-00000-{RUN_1}.parquet",
    ]
    # Not the job's, or not dead: another writer's names, an id the job never assigns, a sub-folder, this run's.
    this_run = "2026-01-03T00-00-00-000Z-cccccc"
    kept = [
        f"{tmp_path}/datawarehouse/part-00000-6c2f7a1e-0d3b-4c6e-9c1a-1f2e3d4c5b6a-c000.snappy.parquet",
        f"{tmp_path}/datawarehouse/part-00000-jr_first.parquet",
        f"{tmp_path}/datawarehouse/part-00000-{RUN_1}x.parquet",
        f"{tmp_path}/datawarehouse/old/part-00000-{glue_dead}.parquet",
        f"{tmp_path}/datawarehouse/part-00000-{this_run}.parquet",
        f"{tmp_path}/staging/albums/part-00000-{glue_dead}.parquet",
    ]
    for uri in dead + kept:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
        Path(uri).write_bytes(b"x")

    recover_earlier_runs(LocalStorage(), arguments(tmp_path, this_run), committed, events)

    assert [u for u in dead if os.path.exists(u)] == []
    assert all(os.path.exists(u) for u in kept + manifest_files(committed))
    assert events.steps("recover")[-1]["files"] == sorted(dead)


def test_without_a_manifest_of_the_job_no_unlisted_file_is_touched(tmp_path: Path, events: Events) -> None:
    # Nothing says which files are live: a first run, or a manifest the job did not write.
    dead = f"{tmp_path}/datawarehouse/part-00000-{'jr_' + 'ab' * 32}.parquet"
    Path(dead).parent.mkdir(parents=True)
    Path(dead).write_bytes(b"x")
    recover_earlier_runs(LocalStorage(), arguments(tmp_path, RUN_2), None, events)
    assert os.path.exists(dead)
    assert events.steps("recover") == []


def test_deletes_only_table_files_named_by_their_run(tmp_path: Path) -> None:
    args = arguments(tmp_path)
    assert deletable(args, f"{tmp_path}/datawarehouse/part-00012-{RUN_1}.parquet", RUN_1)
    assert not deletable(args, f"{tmp_path}/datawarehouse/part-00012-{RUN_1}.parquet", RUN_2)
    assert not deletable(args, f"{tmp_path}/datawarehouse/sub/part-00012-{RUN_1}.parquet", RUN_1)
    assert not deletable(args, f"{tmp_path}/staging/part-00012-{RUN_1}.parquet", RUN_1)
    assert not deletable(args, f"{tmp_path}/datawarehouse/part-1-{RUN_1}.parquet", RUN_1)
    assert not deletable(args, f"{tmp_path}/datawarehouse/part-00012-{RUN_1}.parquet.bak", RUN_1)


def test_bad_input_fails_before_anything_is_published(runtime: Any, tmp_path: Path) -> None:
    root = messy_lake(tmp_path)
    os.remove(root / "staging" / "artists" / "artists.csv")
    with pytest.raises(EtlInputError, match=r"staging/artists/: holds no \.csv file for source artists"):
        run_job(runtime, arguments(root), LocalStorage())
    assert files_under(root) == [f"staging/{s}/{s}.csv" for s in ("albums", "tracks")]


def test_a_missing_etl_sql_file_is_an_argument_error(runtime: Any, tmp_path: Path) -> None:
    root = messy_lake(tmp_path)
    with pytest.raises(JobArgumentError, match=r"--etl_sql /nowhere/etl.sql: file not found"):
        run_job(runtime, arguments(root, etl_sql="/nowhere/etl.sql"), LocalStorage())


def test_the_contracts_data_quality_rules_fail_the_run_or_warn(runtime: Any, tmp_path: Path) -> None:
    root = messy_lake(tmp_path)
    # No track is accepted, so no album row is: the warehouse is empty, which the row-count rule refuses.
    (root / "staging" / "tracks" / "tracks.csv").write_text("track_id,track_popularity\n", "utf-8")
    with pytest.raises(DataQualityError, match=r"fails 1 of \d+ data-quality rules.*RowCount > 0 \(rows: 0.0\)"):
        run_job(runtime, arguments(root), LocalStorage())
    assert not (root / "manifest.json").exists() and not (root / "datawarehouse").exists()
    assert not (root / "_runs").exists()
    manifest = run_job(runtime, arguments(root, data_quality_failure="warn"), LocalStorage())
    report = manifest["dataQuality"]
    assert (report["failed"], report["failureMode"], report["verdict"]) == (["row_count"], "warn", "warn")
    assert [r["rule"] for r in report["results"]] == [r["name"] for r in CONTRACT["dataQuality"]["rules"]]
    assert manifest["warehouse"]["rows"] == 0


def test_leaves_alone_the_files_of_a_manifest_it_did_not_write(runtime: Any, events: Events, tmp_path: Path) -> None:
    root = messy_lake(tmp_path)
    (root / "datawarehouse").mkdir()
    (root / "datawarehouse" / "old.parquet").write_bytes(b"x")
    (root / "manifest.json").write_text(json.dumps({"files": {"warehouse": [f"{root}/datawarehouse/old.parquet"]}}))
    run_job(runtime, arguments(root), LocalStorage())
    assert (root / "datawarehouse" / "old.parquet").exists()
    assert any("is not a manifest of this job" in e["message"] for e in events.steps("warning"))
