"""The data contract as the Glue job sees it.

GENERATED from @spotify-lake/contract by renderGlueJobContractModule (packages/contract/src/glue-job-contract.ts):
do not edit. Regenerate with:
  pnpm --filter @spotify-lake/etl generate:glue-contract
"""

import json

CONTRACT = json.loads(r'''{
  "sources": {
    "albums": {
      "file": "albums.csv",
      "stagingPrefix": "staging/albums/",
      "rawView": "raw_albums",
      "fields": [
        "track_name",
        "track_id",
        "duration_ms",
        "album_name",
        "release_date",
        "label",
        "album_popularity",
        "album_id",
        "artist_id",
        "duration_sec"
      ]
    },
    "artists": {
      "file": "artists.csv",
      "stagingPrefix": "staging/artists/",
      "rawView": "raw_artists",
      "fields": [
        "id",
        "name",
        "artist_popularity",
        "followers",
        "genre"
      ]
    },
    "tracks": {
      "file": "tracks.csv",
      "stagingPrefix": "staging/tracks/",
      "rawView": "raw_tracks",
      "fields": [
        "track_id",
        "track_popularity"
      ]
    }
  },
  "rawViewColumns": [
    "_record",
    "_raw_line",
    "_parse_error"
  ],
  "outputs": {
    "warehouse": "datawarehouse",
    "quarantine": "quarantine"
  },
  "sourceCountsView": "source_counts",
  "quarantineReasons": [
    "malformed_row",
    "bad_value",
    "duplicate_row",
    "duplicate_key",
    "unknown_artist",
    "unknown_track"
  ],
  "lakeZones": {
    "staging": "staging/",
    "warehouse": "datawarehouse/",
    "quarantine": "quarantine/",
    "scripts": "scripts/",
    "runs": "_runs/"
  },
  "jobArguments": [
    {
      "name": "staging_path",
      "required": true,
      "description": "Folder holding one folder per source with its CSV files, e.g. s3://bucket/staging/"
    },
    {
      "name": "warehouse_path",
      "required": true,
      "description": "Folder of the warehouse table's Parquet files, e.g. s3://bucket/datawarehouse/"
    },
    {
      "name": "quarantine_path",
      "required": true,
      "description": "Folder of the rejected rows with their reasons, e.g. s3://bucket/quarantine/"
    },
    {
      "name": "runs_path",
      "required": true,
      "description": "Folder where a run writes its outputs before publishing them, e.g. s3://bucket/_runs/"
    },
    {
      "name": "manifest_path",
      "required": true,
      "description": "The run summary, written last: the commit point of a run, e.g. s3://bucket/manifest.json"
    },
    {
      "name": "etl_sql",
      "required": false,
      "default": "etl.sql",
      "description": "The ETL SQL file; a bare name is looked up in the working directory, where --extra-files puts it"
    },
    {
      "name": "compression",
      "required": false,
      "default": "zstd",
      "description": "Parquet codec: zstd, snappy, gzip or uncompressed"
    },
    {
      "name": "data_quality_failure",
      "required": false,
      "default": "fail",
      "description": "What a failed data-quality rule does: fail (the run fails and publishes nothing) or warn"
    }
  ],
  "jobManifest": {
    "tool": "spotify-lake",
    "manifest": "glue-job",
    "version": 1
  },
  "jobRunIdPattern": "^(?:jr_[0-9a-f]{64}|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}-[0-9]{3}Z-[0-9a-f]{6})$",
  "dataQuality": {
    "table": "datawarehouse",
    "rules": [
      {
        "kind": "rowCount",
        "name": "row_count",
        "greaterThan": 0,
        "description": "datawarehouse has rows",
        "observed": "rows",
        "dqdl": "RowCount > 0"
      },
      {
        "kind": "primaryKey",
        "name": "primary_key",
        "columns": [
          "track_id",
          "album_id"
        ],
        "description": "(track_id, album_id) is complete and unique: the key of albums, the warehouse's grain",
        "observed": "rows whose key has a NULL or is shared with another row",
        "dqdl": "IsPrimaryKey \"track_id\" \"album_id\""
      },
      {
        "kind": "complete",
        "name": "complete_track_id",
        "column": "track_id",
        "description": "track_id has no NULL (not nullable in the contract)",
        "observed": "NULL track_id values",
        "dqdl": "IsComplete \"track_id\""
      },
      {
        "kind": "complete",
        "name": "complete_track_popularity",
        "column": "track_popularity",
        "description": "track_popularity has no NULL (not nullable in the contract)",
        "observed": "NULL track_popularity values",
        "dqdl": "IsComplete \"track_popularity\""
      },
      {
        "kind": "complete",
        "name": "complete_duration_ms",
        "column": "duration_ms",
        "description": "duration_ms has no NULL (not nullable in the contract)",
        "observed": "NULL duration_ms values",
        "dqdl": "IsComplete \"duration_ms\""
      },
      {
        "kind": "complete",
        "name": "complete_duration_sec",
        "column": "duration_sec",
        "description": "duration_sec has no NULL (not nullable in the contract)",
        "observed": "NULL duration_sec values",
        "dqdl": "IsComplete \"duration_sec\""
      },
      {
        "kind": "complete",
        "name": "complete_album_id",
        "column": "album_id",
        "description": "album_id has no NULL (not nullable in the contract)",
        "observed": "NULL album_id values",
        "dqdl": "IsComplete \"album_id\""
      },
      {
        "kind": "complete",
        "name": "complete_album_popularity",
        "column": "album_popularity",
        "description": "album_popularity has no NULL (not nullable in the contract)",
        "observed": "NULL album_popularity values",
        "dqdl": "IsComplete \"album_popularity\""
      },
      {
        "kind": "complete",
        "name": "complete_release_date",
        "column": "release_date",
        "description": "release_date has no NULL (not nullable in the contract)",
        "observed": "NULL release_date values",
        "dqdl": "IsComplete \"release_date\""
      },
      {
        "kind": "complete",
        "name": "complete_release_year",
        "column": "release_year",
        "description": "release_year has no NULL (not nullable in the contract)",
        "observed": "NULL release_year values",
        "dqdl": "IsComplete \"release_year\""
      },
      {
        "kind": "complete",
        "name": "complete_artist_id",
        "column": "artist_id",
        "description": "artist_id has no NULL (not nullable in the contract)",
        "observed": "NULL artist_id values",
        "dqdl": "IsComplete \"artist_id\""
      },
      {
        "kind": "complete",
        "name": "complete_artist_popularity",
        "column": "artist_popularity",
        "description": "artist_popularity has no NULL (not nullable in the contract)",
        "observed": "NULL artist_popularity values",
        "dqdl": "IsComplete \"artist_popularity\""
      },
      {
        "kind": "complete",
        "name": "complete_followers",
        "column": "followers",
        "description": "followers has no NULL (not nullable in the contract)",
        "observed": "NULL followers values",
        "dqdl": "IsComplete \"followers\""
      },
      {
        "kind": "minimum",
        "name": "min_track_popularity",
        "column": "track_popularity",
        "bound": 0,
        "description": "track_popularity >= 0 (tracks.track_popularity min)",
        "observed": "smallest track_popularity",
        "dqdl": "ColumnValues \"track_popularity\" >= 0"
      },
      {
        "kind": "maximum",
        "name": "max_track_popularity",
        "column": "track_popularity",
        "bound": 100,
        "description": "track_popularity <= 100 (tracks.track_popularity max)",
        "observed": "largest track_popularity",
        "dqdl": "ColumnValues \"track_popularity\" <= 100"
      },
      {
        "kind": "minimum",
        "name": "min_duration_ms",
        "column": "duration_ms",
        "bound": 0,
        "description": "duration_ms >= 0 (albums.duration_ms min)",
        "observed": "smallest duration_ms",
        "dqdl": "ColumnValues \"duration_ms\" >= 0"
      },
      {
        "kind": "minimum",
        "name": "min_duration_sec",
        "column": "duration_sec",
        "bound": 0,
        "description": "duration_sec >= 0 (albums.duration_sec min)",
        "observed": "smallest duration_sec",
        "dqdl": "ColumnValues \"duration_sec\" >= 0"
      },
      {
        "kind": "minimum",
        "name": "min_album_popularity",
        "column": "album_popularity",
        "bound": 0,
        "description": "album_popularity >= 0 (albums.album_popularity min)",
        "observed": "smallest album_popularity",
        "dqdl": "ColumnValues \"album_popularity\" >= 0"
      },
      {
        "kind": "maximum",
        "name": "max_album_popularity",
        "column": "album_popularity",
        "bound": 100,
        "description": "album_popularity <= 100 (albums.album_popularity max)",
        "observed": "largest album_popularity",
        "dqdl": "ColumnValues \"album_popularity\" <= 100"
      },
      {
        "kind": "minimum",
        "name": "min_artist_popularity",
        "column": "artist_popularity",
        "bound": 0,
        "description": "artist_popularity >= 0 (artists.artist_popularity min)",
        "observed": "smallest artist_popularity",
        "dqdl": "ColumnValues \"artist_popularity\" >= 0"
      },
      {
        "kind": "maximum",
        "name": "max_artist_popularity",
        "column": "artist_popularity",
        "bound": 100,
        "description": "artist_popularity <= 100 (artists.artist_popularity max)",
        "observed": "largest artist_popularity",
        "dqdl": "ColumnValues \"artist_popularity\" <= 100"
      },
      {
        "kind": "minimum",
        "name": "min_followers",
        "column": "followers",
        "bound": 0,
        "description": "followers >= 0 (artists.followers min)",
        "observed": "smallest followers",
        "dqdl": "ColumnValues \"followers\" >= 0"
      }
    ],
    "dqdl": "Rules = [\n  RowCount > 0,\n  IsPrimaryKey \"track_id\" \"album_id\",\n  IsComplete \"track_id\",\n  IsComplete \"track_popularity\",\n  IsComplete \"duration_ms\",\n  IsComplete \"duration_sec\",\n  IsComplete \"album_id\",\n  IsComplete \"album_popularity\",\n  IsComplete \"release_date\",\n  IsComplete \"release_year\",\n  IsComplete \"artist_id\",\n  IsComplete \"artist_popularity\",\n  IsComplete \"followers\",\n  ColumnValues \"track_popularity\" >= 0,\n  ColumnValues \"track_popularity\" <= 100,\n  ColumnValues \"duration_ms\" >= 0,\n  ColumnValues \"duration_sec\" >= 0,\n  ColumnValues \"album_popularity\" >= 0,\n  ColumnValues \"album_popularity\" <= 100,\n  ColumnValues \"artist_popularity\" >= 0,\n  ColumnValues \"artist_popularity\" <= 100,\n  ColumnValues \"followers\" >= 0\n]",
    "sql": "WITH dq_metrics AS (\n  SELECT\n    COUNT(*) AS r0_rows,\n    COALESCE(SUM(CASE WHEN track_id IS NULL OR album_id IS NULL THEN 1 ELSE 0 END), 0) AS r1_incomplete,\n    COALESCE(SUM(CASE WHEN track_id IS NULL THEN 1 ELSE 0 END), 0) AS r2_nulls,\n    COALESCE(SUM(CASE WHEN track_popularity IS NULL THEN 1 ELSE 0 END), 0) AS r3_nulls,\n    COALESCE(SUM(CASE WHEN duration_ms IS NULL THEN 1 ELSE 0 END), 0) AS r4_nulls,\n    COALESCE(SUM(CASE WHEN duration_sec IS NULL THEN 1 ELSE 0 END), 0) AS r5_nulls,\n    COALESCE(SUM(CASE WHEN album_id IS NULL THEN 1 ELSE 0 END), 0) AS r6_nulls,\n    COALESCE(SUM(CASE WHEN album_popularity IS NULL THEN 1 ELSE 0 END), 0) AS r7_nulls,\n    COALESCE(SUM(CASE WHEN release_date IS NULL THEN 1 ELSE 0 END), 0) AS r8_nulls,\n    COALESCE(SUM(CASE WHEN release_year IS NULL THEN 1 ELSE 0 END), 0) AS r9_nulls,\n    COALESCE(SUM(CASE WHEN artist_id IS NULL THEN 1 ELSE 0 END), 0) AS r10_nulls,\n    COALESCE(SUM(CASE WHEN artist_popularity IS NULL THEN 1 ELSE 0 END), 0) AS r11_nulls,\n    COALESCE(SUM(CASE WHEN followers IS NULL THEN 1 ELSE 0 END), 0) AS r12_nulls,\n    MIN(track_popularity) AS r13_value,\n    COALESCE(SUM(CASE WHEN track_popularity IS NULL OR track_popularity < 0 THEN 1 ELSE 0 END), 0) AS r13_outside,\n    MAX(track_popularity) AS r14_value,\n    COALESCE(SUM(CASE WHEN track_popularity IS NULL OR track_popularity > 100 THEN 1 ELSE 0 END), 0) AS r14_outside,\n    MIN(duration_ms) AS r15_value,\n    COALESCE(SUM(CASE WHEN duration_ms IS NULL OR duration_ms < 0 THEN 1 ELSE 0 END), 0) AS r15_outside,\n    MIN(duration_sec) AS r16_value,\n    COALESCE(SUM(CASE WHEN duration_sec IS NULL OR duration_sec < 0 THEN 1 ELSE 0 END), 0) AS r16_outside,\n    MIN(album_popularity) AS r17_value,\n    COALESCE(SUM(CASE WHEN album_popularity IS NULL OR album_popularity < 0 THEN 1 ELSE 0 END), 0) AS r17_outside,\n    MAX(album_popularity) AS r18_value,\n    COALESCE(SUM(CASE WHEN album_popularity IS NULL OR album_popularity > 100 THEN 1 ELSE 0 END), 0) AS r18_outside,\n    MIN(artist_popularity) AS r19_value,\n    COALESCE(SUM(CASE WHEN artist_popularity IS NULL OR artist_popularity < 0 THEN 1 ELSE 0 END), 0) AS r19_outside,\n    MAX(artist_popularity) AS r20_value,\n    COALESCE(SUM(CASE WHEN artist_popularity IS NULL OR artist_popularity > 100 THEN 1 ELSE 0 END), 0) AS r20_outside,\n    MIN(followers) AS r21_value,\n    COALESCE(SUM(CASE WHEN followers IS NULL OR followers < 0 THEN 1 ELSE 0 END), 0) AS r21_outside\n  FROM datawarehouse\n),\ndq_key AS (\n  SELECT COALESCE(SUM(n), 0) AS key_repeated\n  FROM (SELECT COUNT(*) AS n FROM datawarehouse WHERE track_id IS NOT NULL AND album_id IS NOT NULL\n        GROUP BY track_id, album_id HAVING COUNT(*) > 1) dq_groups\n)\nSELECT rule, outcome, observed FROM (\nSELECT 1 AS rule_order, 'row_count' AS rule,\n  CASE WHEN r0_rows > 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r0_rows AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 2 AS rule_order, 'primary_key' AS rule,\n  CASE WHEN r1_incomplete + key_repeated = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r1_incomplete + key_repeated AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 3 AS rule_order, 'complete_track_id' AS rule,\n  CASE WHEN r2_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r2_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 4 AS rule_order, 'complete_track_popularity' AS rule,\n  CASE WHEN r3_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r3_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 5 AS rule_order, 'complete_duration_ms' AS rule,\n  CASE WHEN r4_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r4_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 6 AS rule_order, 'complete_duration_sec' AS rule,\n  CASE WHEN r5_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r5_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 7 AS rule_order, 'complete_album_id' AS rule,\n  CASE WHEN r6_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r6_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 8 AS rule_order, 'complete_album_popularity' AS rule,\n  CASE WHEN r7_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r7_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 9 AS rule_order, 'complete_release_date' AS rule,\n  CASE WHEN r8_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r8_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 10 AS rule_order, 'complete_release_year' AS rule,\n  CASE WHEN r9_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r9_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 11 AS rule_order, 'complete_artist_id' AS rule,\n  CASE WHEN r10_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r10_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 12 AS rule_order, 'complete_artist_popularity' AS rule,\n  CASE WHEN r11_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r11_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 13 AS rule_order, 'complete_followers' AS rule,\n  CASE WHEN r12_nulls = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r12_nulls AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 14 AS rule_order, 'min_track_popularity' AS rule,\n  CASE WHEN r13_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r13_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 15 AS rule_order, 'max_track_popularity' AS rule,\n  CASE WHEN r14_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r14_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 16 AS rule_order, 'min_duration_ms' AS rule,\n  CASE WHEN r15_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r15_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 17 AS rule_order, 'min_duration_sec' AS rule,\n  CASE WHEN r16_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r16_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 18 AS rule_order, 'min_album_popularity' AS rule,\n  CASE WHEN r17_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r17_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 19 AS rule_order, 'max_album_popularity' AS rule,\n  CASE WHEN r18_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r18_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 20 AS rule_order, 'min_artist_popularity' AS rule,\n  CASE WHEN r19_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r19_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 21 AS rule_order, 'max_artist_popularity' AS rule,\n  CASE WHEN r20_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r20_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\nUNION ALL\nSELECT 22 AS rule_order, 'min_followers' AS rule,\n  CASE WHEN r21_outside = 0 THEN 'passed' ELSE 'failed' END AS outcome,\n  CAST(r21_value AS DOUBLE) AS observed\nFROM dq_metrics CROSS JOIN dq_key\n) dq_results\nORDER BY rule_order",
    "failureModes": [
      "fail",
      "warn"
    ]
  }
}''')
