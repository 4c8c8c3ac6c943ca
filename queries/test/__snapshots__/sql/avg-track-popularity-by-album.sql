SELECT
  album_id,
  max(album_name) AS album_name,
  count(*) AS track_count,
  avg(track_popularity) AS avg_track_popularity
FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
GROUP BY album_id
HAVING count(*) >= ?
ORDER BY avg_track_popularity DESC, album_id
LIMIT ?
