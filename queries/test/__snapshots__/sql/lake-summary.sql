SELECT
  count(*) AS row_count,
  count(DISTINCT track_id) AS track_count,
  count(DISTINCT album_id) AS album_count,
  count(DISTINCT artist_id) AS artist_count,
  min(release_date) AS first_release_date,
  max(release_date) AS last_release_date,
  approx_percentile(CAST(duration_ms AS BIGINT), 0.5) AS median_duration_ms
FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
