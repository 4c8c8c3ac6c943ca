SELECT
  genre,
  count(*) AS row_count,
  count(DISTINCT artist_id) AS artist_count
FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
WHERE genre IS NOT NULL
GROUP BY genre
ORDER BY row_count DESC, genre
LIMIT ?
