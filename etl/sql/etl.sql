-- The Spotify lake ETL SQL. GENERATED from @spotify-lake/contract: do not edit; run
-- `pnpm --filter @spotify-lake/etl generate:sql` after changing the contract.
-- Runs unchanged on Spark 3.5 (the Glue job) and DuckDB (the local runner): see packages/contract/src/etl-sql/.
-- Inputs: views raw_albums, raw_artists, raw_tracks. Each statement below becomes a view named after it,
-- computed once and kept (a table, a cached view) when its marker says (materialize).

-- statement: checked_albums (materialize)
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
  c._original,
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
    CASE WHEN t.o_track_id IS NOT DISTINCT FROM t.v_track_id AND t.o_duration_ms IS NOT DISTINCT FROM CAST(t.v_duration_ms AS STRING) AND t.o_release_date IS NOT DISTINCT FROM CAST(t.v_release_date AS STRING) || ' 00:00:00 UTC' AND t.o_album_popularity IS NOT DISTINCT FROM CAST(t.v_album_popularity AS STRING) AND t.o_album_id IS NOT DISTINCT FROM t.v_album_id AND t.o_artist_id IS NOT DISTINCT FROM t.v_artist_id AND t.o_duration_sec IS NOT DISTINCT FROM CAST(t.v_duration_sec AS STRING) THEN NULL ELSE concat_ws(chr(31), replace(replace(COALESCE(t.o_track_id, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_duration_ms, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_release_date, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_album_popularity, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_album_id, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_artist_id, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_duration_sec, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd')) END AS _original,
    CASE
      WHEN v_track_id IS NULL THEN 'track_id: empty id'
      WHEN s_duration_ms IS NULL THEN 'duration_ms: missing'
      WHEN v_duration_ms IS NULL THEN 'duration_ms: not an integer'
      WHEN v_duration_ms < 0 THEN 'duration_ms: below 0'
      WHEN s_release_date IS NULL THEN 'release_date: missing'
      WHEN v_release_date IS NULL THEN 'release_date: not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM:SS UTC, YYYY-MM or YYYY)'
      WHEN s_album_popularity IS NULL THEN 'album_popularity: missing'
      WHEN v_album_popularity IS NULL THEN 'album_popularity: not an integer'
      WHEN v_album_popularity < 0 OR v_album_popularity > 100 THEN 'album_popularity: out of range 0..100'
      WHEN v_album_id IS NULL THEN 'album_id: empty id'
      WHEN v_artist_id IS NULL THEN 'artist_id: empty id'
      WHEN s_duration_sec IS NULL THEN 'duration_sec: missing'
      WHEN v_duration_sec IS NULL THEN 'duration_sec: not a number'
      WHEN ABS(v_duration_sec) > 1.7976931348623157E308 THEN 'duration_sec: not a finite number (beyond the double range)'
      WHEN v_duration_sec < 0 THEN 'duration_sec: below 0'
    END AS _detail
  FROM (
    SELECT
      t._record,
      t._raw_line,
      t._parse_error,
      t.s_duration_ms,
      t.s_release_date,
      t.s_album_popularity,
      t.s_duration_sec,
      t.o_track_id,
      t.o_duration_ms,
      t.o_release_date,
      t.o_album_popularity,
      t.o_album_id,
      t.o_artist_id,
      t.o_duration_sec,
      t.s_track_name AS v_track_name,
      t.s_track_id AS v_track_id,
      CASE WHEN regexp_like(t.s_duration_ms || '#', '^-?[0-9]{1,10}#$') THEN TRY_CAST(t.s_duration_ms AS INT) END AS v_duration_ms,
      t.s_album_name AS v_album_name,
      CASE WHEN regexp_like(t.s_release_date || '#', '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}( UTC)?)?#$') THEN TRY_CAST(substring(t.s_release_date, 1, 10) AS DATE) WHEN regexp_like(t.s_release_date || '#', '^[1-9][0-9]{3}-[0-9]{2}#$') THEN TRY_CAST(t.s_release_date || '-01' AS DATE) WHEN regexp_like(t.s_release_date || '#', '^[1-9][0-9]{3}#$') THEN TRY_CAST(t.s_release_date || '-01-01' AS DATE) END AS v_release_date,
      t.s_label AS v_label,
      CASE WHEN regexp_like(t.s_album_popularity || '#', '^-?[0-9]{1,10}#$') THEN TRY_CAST(t.s_album_popularity AS INT) END AS v_album_popularity,
      t.s_album_id AS v_album_id,
      t.s_artist_id AS v_artist_id,
      CASE WHEN regexp_like(t.s_duration_sec || '#', '^-?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]{1,3})?#$') THEN TRY_CAST(t.s_duration_sec AS DOUBLE) END AS v_duration_sec
    FROM (
      SELECT
        r._record,
        r._raw_line,
        r._parse_error,
        NULLIF(r.track_name, '') AS s_track_name,
        NULLIF(CASE WHEN r.track_id LIKE ' %' OR r.track_id LIKE '% ' THEN TRIM(BOTH ' ' FROM r.track_id) ELSE r.track_id END, '') AS s_track_id,
        NULLIF(CASE WHEN r.duration_ms LIKE ' %' OR r.duration_ms LIKE '% ' THEN TRIM(BOTH ' ' FROM r.duration_ms) ELSE r.duration_ms END, '') AS s_duration_ms,
        NULLIF(r.album_name, '') AS s_album_name,
        NULLIF(CASE WHEN r.release_date LIKE ' %' OR r.release_date LIKE '% ' THEN TRIM(BOTH ' ' FROM r.release_date) ELSE r.release_date END, '') AS s_release_date,
        NULLIF(r.label, '') AS s_label,
        NULLIF(CASE WHEN r.album_popularity LIKE ' %' OR r.album_popularity LIKE '% ' THEN TRIM(BOTH ' ' FROM r.album_popularity) ELSE r.album_popularity END, '') AS s_album_popularity,
        NULLIF(CASE WHEN r.album_id LIKE ' %' OR r.album_id LIKE '% ' THEN TRIM(BOTH ' ' FROM r.album_id) ELSE r.album_id END, '') AS s_album_id,
        NULLIF(CASE WHEN r.artist_id LIKE ' %' OR r.artist_id LIKE '% ' THEN TRIM(BOTH ' ' FROM r.artist_id) ELSE r.artist_id END, '') AS s_artist_id,
        NULLIF(CASE WHEN r.duration_sec LIKE ' %' OR r.duration_sec LIKE '% ' THEN TRIM(BOTH ' ' FROM r.duration_sec) ELSE r.duration_sec END, '') AS s_duration_sec,
        NULLIF(r.track_id, '') AS o_track_id,
        NULLIF(r.duration_ms, '') AS o_duration_ms,
        NULLIF(r.release_date, '') AS o_release_date,
        NULLIF(r.album_popularity, '') AS o_album_popularity,
        NULLIF(r.album_id, '') AS o_album_id,
        NULLIF(r.artist_id, '') AS o_artist_id,
        NULLIF(r.duration_sec, '') AS o_duration_sec
      FROM raw_albums r
    ) t
  ) t
) c
;

-- statement: checked_artists (materialize)
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_id,
  c.v_name,
  c.v_artist_popularity,
  c.v_followers,
  c.v_genre,
  c._original,
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
    CASE WHEN t.o_id IS NOT DISTINCT FROM t.v_id AND t.o_artist_popularity IS NOT DISTINCT FROM CAST(t.v_artist_popularity AS STRING) AND t.o_followers IS NOT DISTINCT FROM CAST(t.v_followers AS STRING) THEN NULL ELSE concat_ws(chr(31), replace(replace(COALESCE(t.o_id, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_artist_popularity, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_followers, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd')) END AS _original,
    CASE
      WHEN v_id IS NULL THEN 'id: empty id'
      WHEN s_artist_popularity IS NULL THEN 'artist_popularity: missing'
      WHEN v_artist_popularity IS NULL THEN 'artist_popularity: not an integer'
      WHEN v_artist_popularity < 0 OR v_artist_popularity > 100 THEN 'artist_popularity: out of range 0..100'
      WHEN s_followers IS NULL THEN 'followers: missing'
      WHEN v_followers IS NULL THEN 'followers: not an integer'
      WHEN v_followers < 0 THEN 'followers: below 0'
    END AS _detail
  FROM (
    SELECT
      t._record,
      t._raw_line,
      t._parse_error,
      t.s_artist_popularity,
      t.s_followers,
      t.o_id,
      t.o_artist_popularity,
      t.o_followers,
      t.s_id AS v_id,
      t.s_name AS v_name,
      CASE WHEN regexp_like(t.s_artist_popularity || '#', '^-?[0-9]{1,10}#$') THEN TRY_CAST(t.s_artist_popularity AS INT) END AS v_artist_popularity,
      CASE WHEN regexp_like(t.s_followers || '#', '^-?[0-9]{1,19}#$') THEN TRY_CAST(t.s_followers AS BIGINT) END AS v_followers,
      t.s_genre AS v_genre
    FROM (
      SELECT
        r._record,
        r._raw_line,
        r._parse_error,
        NULLIF(CASE WHEN r.id LIKE ' %' OR r.id LIKE '% ' THEN TRIM(BOTH ' ' FROM r.id) ELSE r.id END, '') AS s_id,
        NULLIF(r.name, '') AS s_name,
        NULLIF(CASE WHEN r.artist_popularity LIKE ' %' OR r.artist_popularity LIKE '% ' THEN TRIM(BOTH ' ' FROM r.artist_popularity) ELSE r.artist_popularity END, '') AS s_artist_popularity,
        NULLIF(CASE WHEN r.followers LIKE ' %' OR r.followers LIKE '% ' THEN TRIM(BOTH ' ' FROM r.followers) ELSE r.followers END, '') AS s_followers,
        NULLIF(r.genre, '') AS s_genre,
        NULLIF(r.id, '') AS o_id,
        NULLIF(r.artist_popularity, '') AS o_artist_popularity,
        NULLIF(r.followers, '') AS o_followers
      FROM raw_artists r
    ) t
  ) t
) c
;

-- statement: checked_tracks (materialize)
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_track_id,
  c.v_track_popularity,
  c._original,
  COALESCE(c._parse_error, c._detail) AS _detail
FROM (
  SELECT
    t._record,
    t._raw_line,
    t._parse_error,
    t.v_track_id,
    t.v_track_popularity,
    CASE WHEN t.o_track_id IS NOT DISTINCT FROM t.v_track_id AND t.o_track_popularity IS NOT DISTINCT FROM CAST(t.v_track_popularity AS STRING) THEN NULL ELSE concat_ws(chr(31), replace(replace(COALESCE(t.o_track_id, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd'), replace(replace(COALESCE(t.o_track_popularity, ''), chr(30), chr(30) || 'e'), chr(31), chr(30) || 'd')) END AS _original,
    CASE
      WHEN v_track_id IS NULL THEN 'track_id: empty id'
      WHEN s_track_popularity IS NULL THEN 'track_popularity: missing'
      WHEN v_track_popularity IS NULL THEN 'track_popularity: not an integer'
      WHEN v_track_popularity < 0 OR v_track_popularity > 100 THEN 'track_popularity: out of range 0..100'
    END AS _detail
  FROM (
    SELECT
      t._record,
      t._raw_line,
      t._parse_error,
      t.s_track_popularity,
      t.o_track_id,
      t.o_track_popularity,
      t.s_track_id AS v_track_id,
      CASE WHEN regexp_like(t.s_track_popularity || '#', '^-?[0-9]{1,10}#$') THEN TRY_CAST(t.s_track_popularity AS INT) END AS v_track_popularity
    FROM (
      SELECT
        r._record,
        r._raw_line,
        r._parse_error,
        NULLIF(CASE WHEN r.track_id LIKE ' %' OR r.track_id LIKE '% ' THEN TRIM(BOTH ' ' FROM r.track_id) ELSE r.track_id END, '') AS s_track_id,
        NULLIF(CASE WHEN r.track_popularity LIKE ' %' OR r.track_popularity LIKE '% ' THEN TRIM(BOTH ' ' FROM r.track_popularity) ELSE r.track_popularity END, '') AS s_track_popularity,
        NULLIF(r.track_id, '') AS o_track_id,
        NULLIF(r.track_popularity, '') AS o_track_popularity
      FROM raw_tracks r
    ) t
  ) t
) c
;

-- statement: dupkeys_albums
SELECT
  v_track_id,
  v_album_id,
  MIN(_record) AS first_record
FROM checked_albums
WHERE _detail IS NULL
  AND hash(v_track_id, v_album_id) IN (
    SELECT key_hash
    FROM (SELECT hash(v_track_id, v_album_id) AS key_hash FROM checked_albums WHERE _detail IS NULL) h
    GROUP BY key_hash
    HAVING COUNT(*) > 1
  )
GROUP BY v_track_id, v_album_id
HAVING COUNT(*) > 1
;

-- statement: dupranks_albums (materialize)
SELECT
  c._record,
  ROW_NUMBER() OVER (PARTITION BY c.v_track_id, c.v_album_id ORDER BY c._record) AS key_rank,
  ROW_NUMBER() OVER (PARTITION BY c.v_track_name, CASE WHEN c._original IS NULL THEN c.v_track_id ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 1), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, CASE WHEN c._original IS NULL THEN CAST(c.v_duration_ms AS STRING) ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 2), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, c.v_album_name, CASE WHEN c._original IS NULL THEN CAST(c.v_release_date AS STRING) || ' 00:00:00 UTC' ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 3), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, c.v_label, CASE WHEN c._original IS NULL THEN CAST(c.v_album_popularity AS STRING) ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 4), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, CASE WHEN c._original IS NULL THEN c.v_album_id ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 5), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, CASE WHEN c._original IS NULL THEN c.v_artist_id ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 6), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, CASE WHEN c._original IS NULL THEN CAST(c.v_duration_sec AS STRING) ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 7), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END ORDER BY c._record) AS row_rank,
  k.first_record
FROM checked_albums c
JOIN dupkeys_albums k ON k.v_track_id = c.v_track_id AND k.v_album_id = c.v_album_id
WHERE c._detail IS NULL
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
  c._original,
  CASE
    WHEN c._detail IS NOT NULL THEN CASE WHEN c._parse_error IS NOT NULL THEN 'malformed_row' ELSE 'bad_value' END
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    WHEN d.row_rank > 1 THEN 'duplicate_row'
    ELSE 'duplicate_key'
  END AS _reason,
  CASE
    WHEN c._detail IS NOT NULL THEN c._detail
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
WHERE _detail IS NULL
  AND hash(v_id) IN (
    SELECT key_hash
    FROM (SELECT hash(v_id) AS key_hash FROM checked_artists WHERE _detail IS NULL) h
    GROUP BY key_hash
    HAVING COUNT(*) > 1
  )
GROUP BY v_id
HAVING COUNT(*) > 1
;

-- statement: dupranks_artists (materialize)
SELECT
  c._record,
  ROW_NUMBER() OVER (PARTITION BY c.v_id ORDER BY c._record) AS key_rank,
  ROW_NUMBER() OVER (PARTITION BY CASE WHEN c._original IS NULL THEN c.v_id ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 1), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, c.v_name, CASE WHEN c._original IS NULL THEN CAST(c.v_artist_popularity AS STRING) ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 2), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, CASE WHEN c._original IS NULL THEN CAST(c.v_followers AS STRING) ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 3), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, c.v_genre ORDER BY c._record) AS row_rank,
  k.first_record
FROM checked_artists c
JOIN dupkeys_artists k ON k.v_id = c.v_id
WHERE c._detail IS NULL
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
  c._original,
  CASE
    WHEN c._detail IS NOT NULL THEN CASE WHEN c._parse_error IS NOT NULL THEN 'malformed_row' ELSE 'bad_value' END
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    WHEN d.row_rank > 1 THEN 'duplicate_row'
    ELSE 'duplicate_key'
  END AS _reason,
  CASE
    WHEN c._detail IS NOT NULL THEN c._detail
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
WHERE _detail IS NULL
  AND hash(v_track_id) IN (
    SELECT key_hash
    FROM (SELECT hash(v_track_id) AS key_hash FROM checked_tracks WHERE _detail IS NULL) h
    GROUP BY key_hash
    HAVING COUNT(*) > 1
  )
GROUP BY v_track_id
HAVING COUNT(*) > 1
;

-- statement: dupranks_tracks (materialize)
SELECT
  c._record,
  ROW_NUMBER() OVER (PARTITION BY c.v_track_id ORDER BY c._record) AS key_rank,
  ROW_NUMBER() OVER (PARTITION BY CASE WHEN c._original IS NULL THEN c.v_track_id ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 1), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END, CASE WHEN c._original IS NULL THEN CAST(c.v_track_popularity AS STRING) ELSE NULLIF(replace(replace(split_part(c._original, chr(31), 2), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END ORDER BY c._record) AS row_rank,
  k.first_record
FROM checked_tracks c
JOIN dupkeys_tracks k ON k.v_track_id = c.v_track_id
WHERE c._detail IS NULL
;

-- statement: deduped_tracks
SELECT
  c._record,
  c._raw_line,
  c._parse_error,
  c.v_track_id,
  c.v_track_popularity,
  c._original,
  CASE
    WHEN c._detail IS NOT NULL THEN CASE WHEN c._parse_error IS NOT NULL THEN 'malformed_row' ELSE 'bad_value' END
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    WHEN d.row_rank > 1 THEN 'duplicate_row'
    ELSE 'duplicate_key'
  END AS _reason,
  CASE
    WHEN c._detail IS NOT NULL THEN c._detail
    WHEN d._record IS NULL OR d.key_rank = 1 THEN NULL
    ELSE 'track_id already accepted at record ' || CAST(d.first_record AS STRING)
  END AS _detail
FROM checked_tracks c
LEFT JOIN dupranks_tracks d ON d._record = c._record
;

-- statement: unresolved_albums (materialize)
SELECT
  f._record,
  CASE
    WHEN artists.v_id IS NULL THEN 'unknown_artist'
    WHEN tracks.v_track_id IS NULL THEN 'unknown_track'
  END AS _reason,
  CASE
    WHEN artists.v_id IS NULL THEN 'artist_id not found among accepted artists'
    WHEN tracks.v_track_id IS NULL THEN 'track_id not found among accepted tracks'
  END AS _detail
FROM deduped_albums f
LEFT JOIN (SELECT v_id FROM deduped_artists WHERE _reason IS NULL) artists
  ON artists.v_id = f.v_artist_id
LEFT JOIN (SELECT v_track_id FROM deduped_tracks WHERE _reason IS NULL) tracks
  ON tracks.v_track_id = f.v_track_id
WHERE f._reason IS NULL AND (artists.v_id IS NULL OR tracks.v_track_id IS NULL)
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
  f._original,
  CASE WHEN f._reason IS NOT NULL THEN f._reason ELSE u._reason END AS _reason,
  CASE WHEN f._reason IS NOT NULL THEN f._detail ELSE u._detail END AS _detail
FROM deduped_albums f
LEFT JOIN unresolved_albums u ON u._record = f._record
;

-- statement: datawarehouse
SELECT
  CAST(w.v_track_id AS STRING) AS track_id,
  CAST(w.v_track_name AS STRING) AS track_name,
  CAST(tracks.v_track_popularity AS INT) AS track_popularity,
  CAST(w.v_duration_ms AS INT) AS duration_ms,
  CAST(w.v_duration_sec AS DOUBLE) AS duration_sec,
  CAST(w.v_album_id AS STRING) AS album_id,
  CAST(w.v_album_name AS STRING) AS album_name,
  CAST(w.v_album_popularity AS INT) AS album_popularity,
  CAST(w.v_release_date AS DATE) AS release_date,
  CAST(year(w.v_release_date) AS INT) AS release_year,
  CAST(w.v_label AS STRING) AS label,
  CAST(w.v_artist_id AS STRING) AS artist_id,
  CAST(artists.v_name AS STRING) AS artist_name,
  CAST(artists.v_artist_popularity AS INT) AS artist_popularity,
  CAST(artists.v_followers AS BIGINT) AS followers,
  CAST(artists.v_genre AS STRING) AS genre
FROM deduped_albums w
JOIN (SELECT v_id, v_name, v_artist_popularity, v_followers, v_genre FROM deduped_artists WHERE _reason IS NULL) artists
  ON artists.v_id = w.v_artist_id
JOIN (SELECT v_track_id, v_track_popularity FROM deduped_tracks WHERE _reason IS NULL) tracks
  ON tracks.v_track_id = w.v_track_id
WHERE w._reason IS NULL
;

-- statement: quarantine
SELECT
  CAST('albums' AS STRING) AS source,
  CAST(q._record AS BIGINT) AS record,
  CAST(q._reason AS STRING) AS reason,
  CAST(q._detail AS STRING) AS detail,
  CAST(q._raw_line AS STRING) AS raw_line,
  CAST(q.v_track_name AS STRING) AS track_name,
  CAST(CASE WHEN q._original IS NULL THEN q.v_track_id ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 1), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS track_id,
  CAST(CASE WHEN q._original IS NULL THEN CAST(q.v_duration_ms AS STRING) ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 2), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS duration_ms,
  CAST(q.v_album_name AS STRING) AS album_name,
  CAST(CASE WHEN q._original IS NULL THEN CAST(q.v_release_date AS STRING) || ' 00:00:00 UTC' ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 3), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS release_date,
  CAST(q.v_label AS STRING) AS label,
  CAST(CASE WHEN q._original IS NULL THEN CAST(q.v_album_popularity AS STRING) ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 4), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS album_popularity,
  CAST(CASE WHEN q._original IS NULL THEN q.v_album_id ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 5), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS album_id,
  CAST(CASE WHEN q._original IS NULL THEN q.v_artist_id ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 6), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS artist_id,
  CAST(CASE WHEN q._original IS NULL THEN CAST(q.v_duration_sec AS STRING) ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 7), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS duration_sec,
  CAST(NULL AS STRING) AS id,
  CAST(NULL AS STRING) AS name,
  CAST(NULL AS STRING) AS artist_popularity,
  CAST(NULL AS STRING) AS followers,
  CAST(NULL AS STRING) AS genre,
  CAST(NULL AS STRING) AS track_popularity
FROM resolved_albums q
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
  CAST(CASE WHEN q._original IS NULL THEN q.v_id ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 1), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS id,
  CAST(q.v_name AS STRING) AS name,
  CAST(CASE WHEN q._original IS NULL THEN CAST(q.v_artist_popularity AS STRING) ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 2), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS artist_popularity,
  CAST(CASE WHEN q._original IS NULL THEN CAST(q.v_followers AS STRING) ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 3), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS followers,
  CAST(q.v_genre AS STRING) AS genre,
  CAST(NULL AS STRING) AS track_popularity
FROM deduped_artists q
WHERE q._reason IS NOT NULL
UNION ALL
SELECT
  CAST('tracks' AS STRING) AS source,
  CAST(q._record AS BIGINT) AS record,
  CAST(q._reason AS STRING) AS reason,
  CAST(q._detail AS STRING) AS detail,
  CAST(q._raw_line AS STRING) AS raw_line,
  CAST(NULL AS STRING) AS track_name,
  CAST(CASE WHEN q._original IS NULL THEN q.v_track_id ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 1), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS track_id,
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
  CAST(CASE WHEN q._original IS NULL THEN CAST(q.v_track_popularity AS STRING) ELSE NULLIF(replace(replace(split_part(q._original, chr(31), 2), chr(30) || 'd', chr(31)), chr(30) || 'e', chr(30)), '') END AS STRING) AS track_popularity
FROM deduped_tracks q
WHERE q._reason IS NOT NULL
;

-- statement: source_counts
SELECT 'albums' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM resolved_albums
UNION ALL
SELECT 'artists' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM deduped_artists
UNION ALL
SELECT 'tracks' AS source, COUNT(*) AS rows_read, COUNT(CASE WHEN _reason IS NULL THEN 1 END) AS accepted FROM deduped_tracks
;
