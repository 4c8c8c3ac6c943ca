WITH params AS (
  SELECT CAST(n AS INTEGER) AS width
  FROM UNNEST(sequence(1, 3600)) AS series(n)
  WHERE n = ?
),
track_seconds AS (
  SELECT track_id, (max(duration_ms) / 1000) AS seconds
  FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
  GROUP BY track_id
)
SELECT
  (t.seconds / p.width) * p.width AS bucket_start_sec,
  (t.seconds / p.width) * p.width + p.width AS bucket_end_sec,
  count(*) AS track_count
FROM track_seconds t
CROSS JOIN params p
GROUP BY 1, 2
ORDER BY 1
