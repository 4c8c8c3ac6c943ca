SELECT
  release_year,
  count(DISTINCT album_id) AS album_count,
  count(*) AS track_count
FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
WHERE release_year BETWEEN ? AND ?
GROUP BY release_year
ORDER BY release_year
