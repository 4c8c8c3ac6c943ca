-- The Spotify lake transform. GENERATED from @spotify-lake/contract: do not edit; run
-- `pnpm --filter @spotify-lake/etl generate:sql` after changing the contract.
-- Runs unchanged on Spark 3.5 (the Glue job) and DuckDB (the local runner): see packages/contract/src/transform-sql.ts.
-- Inputs: views raw_albums, raw_artists, raw_tracks. Each statement below becomes a view named after it.

-- statement: checked_albums
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_track_name,
  c.v_track_id,
  c.v_duration_ms,
  c.v_album_name,
  c.v_release_date,
  c.v_label,
  c.v_album_popularity,
  c.v_album_id,
  c.v_artist_id,
  c.v_duration_sec,
  CASE WHEN c._parse_error IS NOT NULL THEN 'malformed_row' WHEN c._detail IS NOT NULL THEN 'bad_value' END AS _reason,
  COALESCE(c._parse_error, c._detail) AS _detail
FROM (
  SELECT
    t._record,
    t._raw_line,
    t._parse_error,
    t.v_track_name,
    t.v_track_id,
    t.v_duration_ms,
    t.v_album_name,
    t.v_release_date,
    t.v_label,
    t.v_album_popularity,
    t.v_album_id,
    t.v_artist_id,
    t.v_duration_sec,
    CASE
      WHEN v_track_id IS NULL THEN 'track_id: empty id'
      WHEN NULLIF(TRIM(duration_ms), '') IS NULL THEN 'duration_ms: missing'
      WHEN v_duration_ms IS NULL THEN 'duration_ms: not an integer'
      WHEN v_duration_ms < 0 THEN 'duration_ms: below 0'
      WHEN NULLIF(TRIM(release_date), '') IS NULL THEN 'release_date: missing'
      WHEN v_release_date IS NULL THEN 'release_date: not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS UTC, YYYY-MM or YYYY)'
      WHEN NULLIF(TRIM(album_popularity), '') IS NULL THEN 'album_popularity: missing'
      WHEN v_album_popularity IS NULL THEN 'album_popularity: not an integer'
      WHEN v_album_popularity < 0 OR v_album_popularity > 100 THEN 'album_popularity: out of range 0..100'
      WHEN v_album_id IS NULL THEN 'album_id: empty id'
      WHEN v_artist_id IS NULL THEN 'artist_id: empty id'
      WHEN NULLIF(TRIM(duration_sec), '') IS NULL THEN 'duration_sec: missing'
      WHEN v_duration_sec IS NULL THEN 'duration_sec: not a number'
      WHEN v_duration_sec < 0 THEN 'duration_sec: below 0'
    END AS _detail
  FROM (
    SELECT
      r._record,
      r._raw_line,
      r._parse_error,
      NULLIF(r.track_name, '') AS track_name,
      NULLIF(r.track_id, '') AS track_id,
      NULLIF(r.duration_ms, '') AS duration_ms,
      NULLIF(r.album_name, '') AS album_name,
      NULLIF(r.release_date, '') AS release_date,
      NULLIF(r.label, '') AS label,
      NULLIF(r.album_popularity, '') AS album_popularity,
      NULLIF(r.album_id, '') AS album_id,
      NULLIF(r.artist_id, '') AS artist_id,
      NULLIF(r.duration_sec, '') AS duration_sec,
      NULLIF(r.track_name, '') AS v_track_name,
      NULLIF(TRIM(r.track_id), '') AS v_track_id,
      CASE WHEN regexp_like(TRIM(r.duration_ms), '^-?[0-9]{1,10}$') THEN TRY_CAST(TRIM(r.duration_ms) AS INT) END AS v_duration_ms,
      NULLIF(r.album_name, '') AS v_album_name,
      CASE WHEN regexp_like(TRIM(r.release_date), '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}( UTC)?)?$') THEN TRY_CAST(substring(TRIM(r.release_date), 1, 10) AS DATE) WHEN regexp_like(TRIM(r.release_date), '^[1-9][0-9]{3}-[0-9]{2}$') THEN TRY_CAST(TRIM(r.release_date) || '-01' AS DATE) WHEN regexp_like(TRIM(r.release_date), '^[1-9][0-9]{3}$') THEN TRY_CAST(TRIM(r.release_date) || '-01-01' AS DATE) END AS v_release_date,
      NULLIF(r.label, '') AS v_label,
      CASE WHEN regexp_like(TRIM(r.album_popularity), '^-?[0-9]{1,10}$') THEN TRY_CAST(TRIM(r.album_popularity) AS INT) END AS v_album_popularity,
      NULLIF(TRIM(r.album_id), '') AS v_album_id,
      NULLIF(TRIM(r.artist_id), '') AS v_artist_id,
      CASE WHEN regexp_like(TRIM(r.duration_sec), '^-?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]{1,3})?$') THEN TRY_CAST(TRIM(r.duration_sec) AS DOUBLE) END AS v_duration_sec
    FROM raw_albums r
  ) t
) c
;

-- statement: checked_artists
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_id,
  c.v_name,
  c.v_artist_popularity,
  c.v_followers,
  c.v_genre,
  CASE WHEN c._parse_error IS NOT NULL THEN 'malformed_row' WHEN c._detail IS NOT NULL THEN 'bad_value' END AS _reason,
  COALESCE(c._parse_error, c._detail) AS _detail
FROM (
  SELECT
    t._record,
    t._raw_line,
    t._parse_error,
    t.v_id,
    t.v_name,
    t.v_artist_popularity,
    t.v_followers,
    t.v_genre,
    CASE
      WHEN v_id IS NULL THEN 'id: empty id'
      WHEN NULLIF(TRIM(artist_popularity), '') IS NULL THEN 'artist_popularity: missing'
      WHEN v_artist_popularity IS NULL THEN 'artist_popularity: not an integer'
      WHEN v_artist_popularity < 0 OR v_artist_popularity > 100 THEN 'artist_popularity: out of range 0..100'
      WHEN NULLIF(TRIM(followers), '') IS NULL THEN 'followers: missing'
      WHEN v_followers IS NULL THEN 'followers: not an integer'
      WHEN v_followers < 0 THEN 'followers: below 0'
    END AS _detail
  FROM (
    SELECT
      r._record,
      r._raw_line,
      r._parse_error,
      NULLIF(r.id, '') AS id,
      NULLIF(r.name, '') AS name,
      NULLIF(r.artist_popularity, '') AS artist_popularity,
      NULLIF(r.followers, '') AS followers,
      NULLIF(r.genre, '') AS genre,
      NULLIF(TRIM(r.id), '') AS v_id,
      NULLIF(r.name, '') AS v_name,
      CASE WHEN regexp_like(TRIM(r.artist_popularity), '^-?[0-9]{1,10}$') THEN TRY_CAST(TRIM(r.artist_popularity) AS INT) END AS v_artist_popularity,
      CASE WHEN regexp_like(TRIM(r.followers), '^-?[0-9]{1,19}$') THEN TRY_CAST(TRIM(r.followers) AS BIGINT) END AS v_followers,
      NULLIF(r.genre, '') AS v_genre
    FROM raw_artists r
  ) t
) c
;

-- statement: checked_tracks
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_track_id,
  c.v_track_popularity,
  CASE WHEN c._parse_error IS NOT NULL THEN 'malformed_row' WHEN c._detail IS NOT NULL THEN 'bad_value' END AS _reason,
  COALESCE(c._parse_error, c._detail) AS _detail
FROM (
  SELECT
    t._record,
    t._raw_line,
    t._parse_error,
    t.v_track_id,
    t.v_track_popularity,
    CASE
      WHEN v_track_id IS NULL THEN 'track_id: empty id'
      WHEN NULLIF(TRIM(track_popularity), '') IS NULL THEN 'track_popularity: missing'
      WHEN v_track_popularity IS NULL THEN 'track_popularity: not an integer'
      WHEN v_track_popularity < 0 OR v_track_popularity > 100 THEN 'track_popularity: out of range 0..100'
    END AS _detail
  FROM (
    SELECT
      r._record,
      r._raw_line,
      r._parse_error,
      NULLIF(r.track_id, '') AS track_id,
      NULLIF(r.track_popularity, '') AS track_popularity,
      NULLIF(TRIM(r.track_id), '') AS v_track_id,
      CASE WHEN regexp_like(TRIM(r.track_popularity), '^-?[0-9]{1,10}$') THEN TRY_CAST(TRIM(r.track_popularity) AS INT) END AS v_track_popularity
    FROM raw_tracks r
  ) t
) c
;

-- statement: dupkeys_albums
SELECT
  v_track_id,
  v_album_id,
  MIN(_record) AS first_record
FROM checked_albums
WHERE _reason IS NULL
GROUP BY v_track_id, v_album_id
HAVING COUNT(*) > 1
;

-- statement: dupranks_albums
SELECT
  c._record,
  ROW_NUMBER() OVER (PARTITION BY c.v_track_id, c.v_album_id ORDER BY c._record) AS key_rank,
  ROW_NUMBER() OVER (PARTITION BY o.track_name, o.track_id, o.duration_ms, o.album_name, o.release_date, o.label, o.album_popularity, o.album_id, o.artist_id, o.duration_sec ORDER BY c._record) AS row_rank,
  k.first_record
FROM checked_albums c
JOIN dupkeys_albums k ON k.v_track_id = c.v_track_id AND k.v_album_id = c.v_album_id
JOIN (SELECT _record, NULLIF(track_name, '') AS track_name, NULLIF(track_id, '') AS track_id, NULLIF(duration_ms, '') AS duration_ms, NULLIF(album_name, '') AS album_name, NULLIF(release_date, '') AS release_date, NULLIF(label, '') AS label, NULLIF(album_popularity, '') AS album_popularity, NULLIF(album_id, '') AS album_id, NULLIF(artist_id, '') AS artist_id, NULLIF(duration_sec, '') AS duration_sec FROM raw_albums WHERE _parse_error IS NULL) o ON o._record = c._record
WHERE c._reason IS NULL
;

-- statement: deduped_albums
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_track_name,
  c.v_track_id,
  c.v_duration_ms,
  c.v_album_name,
  c.v_release_date,
  c.v_label,
  c.v_album_popularity,
  c.v_album_id,
  c.v_artist_id,
  c.v_duration_sec,
  CASE
    WHEN c._reason IS NOT NULL THEN c._reason
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    WHEN d.row_rank > 1 THEN 'duplicate_row'
    ELSE 'duplicate_key'
  END AS _reason,
  CASE
    WHEN c._reason IS NOT NULL THEN c._detail
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    ELSE '(track_id, album_id) already accepted at record ' || CAST(d.first_record AS STRING)
  END AS _detail
FROM checked_albums c
LEFT JOIN dupranks_albums d ON d._record = c._record
;

-- statement: dupkeys_artists
SELECT
  v_id,
  MIN(_record) AS first_record
FROM checked_artists
WHERE _reason IS NULL
GROUP BY v_id
HAVING COUNT(*) > 1
;

-- statement: dupranks_artists
SELECT
  c._record,
  ROW_NUMBER() OVER (PARTITION BY c.v_id ORDER BY c._record) AS key_rank,
  ROW_NUMBER() OVER (PARTITION BY o.id, o.name, o.artist_popularity, o.followers, o.genre ORDER BY c._record) AS row_rank,
  k.first_record
FROM checked_artists c
JOIN dupkeys_artists k ON k.v_id = c.v_id
JOIN (SELECT _record, NULLIF(id, '') AS id, NULLIF(name, '') AS name, NULLIF(artist_popularity, '') AS artist_popularity, NULLIF(followers, '') AS followers, NULLIF(genre, '') AS genre FROM raw_artists WHERE _parse_error IS NULL) o ON o._record = c._record
WHERE c._reason IS NULL
;

-- statement: deduped_artists
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_id,
  c.v_name,
  c.v_artist_popularity,
  c.v_followers,
  c.v_genre,
  CASE
    WHEN c._reason IS NOT NULL THEN c._reason
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    WHEN d.row_rank > 1 THEN 'duplicate_row'
    ELSE 'duplicate_key'
  END AS _reason,
  CASE
    WHEN c._reason IS NOT NULL THEN c._detail
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    ELSE 'id already accepted at record ' || CAST(d.first_record AS STRING)
  END AS _detail
FROM checked_artists c
LEFT JOIN dupranks_artists d ON d._record = c._record
;

-- statement: dupkeys_tracks
SELECT
  v_track_id,
  MIN(_record) AS first_record
FROM checked_tracks
WHERE _reason IS NULL
GROUP BY v_track_id
HAVING COUNT(*) > 1
;

-- statement: dupranks_tracks
SELECT
  c._record,
  ROW_NUMBER() OVER (PARTITION BY c.v_track_id ORDER BY c._record) AS key_rank,
  ROW_NUMBER() OVER (PARTITION BY o.track_id, o.track_popularity ORDER BY c._record) AS row_rank,
  k.first_record
FROM checked_tracks c
JOIN dupkeys_tracks k ON k.v_track_id = c.v_track_id
JOIN (SELECT _record, NULLIF(track_id, '') AS track_id, NULLIF(track_popularity, '') AS track_popularity FROM raw_tracks WHERE _parse_error IS NULL) o ON o._record = c._record
WHERE c._reason IS NULL
;

-- statement: deduped_tracks
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_track_id,
  c.v_track_popularity,
  CASE
    WHEN c._reason IS NOT NULL THEN c._reason
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    WHEN d.row_rank > 1 THEN 'duplicate_row'
    ELSE 'duplicate_key'
  END AS _reason,
  CASE
    WHEN c._reason IS NOT NULL THEN c._detail
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    ELSE 'track_id already accepted at record ' || CAST(d.first_record AS STRING)
  END AS _detail
FROM checked_tracks c
LEFT JOIN dupranks_tracks d ON d._record = c._record
;

-- statement: resolved_albums
SELECT
  f._record,
  f._raw_line,
  f._parse_error,
  f.v_track_name,
  f.v_track_id,
  f.v_duration_ms,
  f.v_album_name,
  f.v_release_date,
  f.v_label,
  f.v_album_popularity,
  f.v_album_id,
  f.v_artist_id,
  f.v_duration_sec,
  artists.v_name AS artists__name,
  artists.v_artist_popularity AS artists__artist_popularity,
  artists.v_followers AS artists__followers,
  artists.v_genre AS artists__genre,
  tracks.v_track_popularity AS tracks__track_popularity,
  CASE
    WHEN f._reason IS NOT NULL THEN f._reason
    WHEN artists.v_id IS NULL THEN 'unknown_artist'
    WHEN tracks.v_track_id IS NULL THEN 'unknown_track'
  END AS _reason,
  CASE
    WHEN f._reason IS NOT NULL THEN f._detail
    WHEN artists.v_id IS NULL THEN 'artist_id not found among accepted artists'
    WHEN tracks.v_track_id IS NULL THEN 'track_id not found among accepted tracks'
  END AS _detail
FROM deduped_albums f
LEFT JOIN (SELECT v_id, v_name, v_artist_popularity, v_followers, v_genre FROM deduped_artists WHERE _reason IS NULL) artists
  ON artists.v_id = f.v_artist_id
LEFT JOIN (SELECT v_track_id, v_track_popularity FROM deduped_tracks WHERE _reason IS NULL) tracks
  ON tracks.v_track_id = f.v_track_id
;

-- statement: datawarehouse
SELECT
  CAST(w.v_track_id AS STRING) AS track_id,
  CAST(w.v_track_name AS STRING) AS track_name,
  CAST(w.tracks__track_popularity AS INT) AS track_popularity,
  CAST(w.v_duration_ms AS INT) AS duration_ms,
  CAST(w.v_duration_sec AS DOUBLE) AS duration_sec,
  CAST(w.v_album_id AS STRING) AS album_id,
  CAST(w.v_album_name AS STRING) AS album_name,
  CAST(w.v_album_popularity AS INT) AS album_popularity,
  CAST(w.v_release_date AS DATE) AS release_date,
  CAST(year(w.v_release_date) AS INT) AS release_year,
  CAST(w.v_label AS STRING) AS label,
  CAST(w.v_artist_id AS STRING) AS artist_id,
  CAST(w.artists__name AS STRING) AS artist_name,
  CAST(w.artists__artist_popularity AS INT) AS artist_popularity,
  CAST(w.artists__followers AS BIGINT) AS followers,
  CAST(w.artists__genre AS STRING) AS genre
FROM resolved_albums w
WHERE w._reason IS NULL
;

-- statement: quarantine
SELECT
  CAST('albums' AS STRING) AS source,
  CAST(q._record AS BIGINT) AS record,
  CAST(q._reason AS STRING) AS reason,
  CAST(q._detail AS STRING) AS detail,
  CAST(q._raw_line AS STRING) AS raw_line,
  CAST(o.track_name AS STRING) AS track_name,
  CAST(o.track_id AS STRING) AS track_id,
  CAST(o.duration_ms AS STRING) AS duration_ms,
  CAST(o.album_name AS STRING) AS album_name,
  CAST(o.release_date AS STRING) AS release_date,
  CAST(o.label AS STRING) AS label,
  CAST(o.album_popularity AS STRING) AS album_popularity,
  CAST(o.album_id AS STRING) AS album_id,
  CAST(o.artist_id AS STRING) AS artist_id,
  CAST(o.duration_sec AS STRING) AS duration_sec,
  CAST(NULL AS STRING) AS id,
  CAST(NULL AS STRING) AS name,
  CAST(NULL AS STRING) AS artist_popularity,
  CAST(NULL AS STRING) AS followers,
  CAST(NULL AS STRING) AS genre,
  CAST(NULL AS STRING) AS track_popularity
FROM resolved_albums q
LEFT JOIN (SELECT _record, NULLIF(track_name, '') AS track_name, NULLIF(track_id, '') AS track_id, NULLIF(duration_ms, '') AS duration_ms, NULLIF(album_name, '') AS album_name, NULLIF(release_date, '') AS release_date, NULLIF(label, '') AS label, NULLIF(album_popularity, '') AS album_popularity, NULLIF(album_id, '') AS album_id, NULLIF(artist_id, '') AS artist_id, NULLIF(duration_sec, '') AS duration_sec FROM raw_albums WHERE _parse_error IS NULL) o ON o._record = CASE WHEN q._parse_error IS NULL THEN q._record END
WHERE q._reason IS NOT NULL
UNION ALL
SELECT
  CAST('artists' AS STRING) AS source,
  CAST(q._record AS BIGINT) AS record,
  CAST(q._reason AS STRING) AS reason,
  CAST(q._detail AS STRING) AS detail,
  CAST(q._raw_line AS STRING) AS raw_line,
  CAST(NULL AS STRING) AS track_name,
  CAST(NULL AS STRING) AS track_id,
  CAST(NULL AS STRING) AS duration_ms,
  CAST(NULL AS STRING) AS album_name,
  CAST(NULL AS STRING) AS release_date,
  CAST(NULL AS STRING) AS label,
  CAST(NULL AS STRING) AS album_popularity,
  CAST(NULL AS STRING) AS album_id,
  CAST(NULL AS STRING) AS artist_id,
  CAST(NULL AS STRING) AS duration_sec,
  CAST(o.id AS STRING) AS id,
  CAST(o.name AS STRING) AS name,
  CAST(o.artist_popularity AS STRING) AS artist_popularity,
  CAST(o.followers AS STRING) AS followers,
  CAST(o.genre AS STRING) AS genre,
  CAST(NULL AS STRING) AS track_popularity
FROM deduped_artists q
LEFT JOIN (SELECT _record, NULLIF(id, '') AS id, NULLIF(name, '') AS name, NULLIF(artist_popularity, '') AS artist_popularity, NULLIF(followers, '') AS followers, NULLIF(genre, '') AS genre FROM raw_artists WHERE _parse_error IS NULL) o ON o._record = CASE WHEN q._parse_error IS NULL THEN q._record END
WHERE q._reason IS NOT NULL
UNION ALL
SELECT
  CAST('tracks' AS STRING) AS source,
  CAST(q._record AS BIGINT) AS record,
  CAST(q._reason AS STRING) AS reason,
  CAST(q._detail AS STRING) AS detail,
  CAST(q._raw_line AS STRING) AS raw_line,
  CAST(NULL AS STRING) AS track_name,
  CAST(o.track_id AS STRING) AS track_id,
  CAST(NULL AS STRING) AS duration_ms,
  CAST(NULL AS STRING) AS album_name,
  CAST(NULL AS STRING) AS release_date,
  CAST(NULL AS STRING) AS label,
  CAST(NULL AS STRING) AS album_popularity,
  CAST(NULL AS STRING) AS album_id,
  CAST(NULL AS STRING) AS artist_id,
  CAST(NULL AS STRING) AS duration_sec,
  CAST(NULL AS STRING) AS id,
  CAST(NULL AS STRING) AS name,
  CAST(NULL AS STRING) AS artist_popularity,
  CAST(NULL AS STRING) AS followers,
  CAST(NULL AS STRING) AS genre,
  CAST(o.track_popularity AS STRING) AS track_popularity
FROM deduped_tracks q
LEFT JOIN (SELECT _record, NULLIF(track_id, '') AS track_id, NULLIF(track_popularity, '') AS track_popularity FROM raw_tracks WHERE _parse_error IS NULL) o ON o._record = CASE WHEN q._parse_error IS NULL THEN q._record END
WHERE q._reason IS NOT NULL
;

-- statement: source_counts
SELECT 'albums' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM resolved_albums
UNION ALL
SELECT 'artists' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM deduped_artists
UNION ALL
SELECT 'tracks' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM deduped_tracks
;
