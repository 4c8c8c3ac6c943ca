"""The data contract as the Glue job sees it.

GENERATED from @spotify-lake/contract by renderGlueJobContractModule (packages/contract/src/glue-job-contract.ts):
do not edit. Regenerate with:
  pnpm --filter @spotify-lake/etl generate:glue-contract
"""

import json

CONTRACT = json.loads(r"""{
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
  }
}""")
