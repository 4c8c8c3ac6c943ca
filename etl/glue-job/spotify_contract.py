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
  }
}''')
