SELECT
  label,
  count(DISTINCT album_id) AS album_count,
  count(*) AS track_count,
  count(DISTINCT artist_id) AS artist_count
FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
WHERE label IS NOT NULL
  AND release_year BETWEEN ? AND ?
GROUP BY label
ORDER BY album_count DESC, track_count DESC, label
LIMIT ?
