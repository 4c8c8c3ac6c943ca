SELECT
  album_id,
  max(album_name) AS album_name,
  max(release_date) AS release_date,
  count(*) AS track_count
FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
WHERE release_year BETWEEN ? AND ?
GROUP BY album_id
ORDER BY track_count DESC, album_id
LIMIT ?
