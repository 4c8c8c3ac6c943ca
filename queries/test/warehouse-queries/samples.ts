/** A sample call of every catalog query, for the ExecutionParameters snapshots and the grammar check. */
export const SAMPLE_PARAMS: Readonly<Record<string, Record<string, unknown>>> = {
  'top-artists-by-followers': { limit: 5, min_popularity: 50, genre: "rock 'n' roll" },
  'top-artists-by-popularity': { limit: 5, min_followers: 3_000_000_000n, genre: 'pop' },
  'popularity-vs-followers': { limit: 500, min_followers: 1000 },
  'genre-counts': { limit: 20 },
  'albums-with-most-tracks': { limit: 5, from_year: 2000, to_year: 2023 },
  'avg-track-popularity-by-album': { limit: 5, min_tracks: 3 },
  'album-popularity-histogram': { bucket_width: 20 },
  'releases-per-year': { from_year: 1990, to_year: 2023 },
  'releases-by-weekday': { from_year: 2015, to_year: 2023 },
  'top-labels': { limit: 5, from_year: 2010, to_year: 2020 },
  'track-duration-histogram': { bucket_seconds: 60 },
  'track-search': { text: "50%_off 'live'", limit: 10 },
  'lake-summary': {},
};

export const SAMPLE_TARGET = { database: 'spotify_lake_dev', warehouseTable: 'datawarehouse' } as const;
