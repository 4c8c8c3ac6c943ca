WITH albums AS (
  SELECT album_id, max(release_date) AS release_date
  FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
  WHERE release_year BETWEEN ? AND ?
  GROUP BY album_id
)
SELECT CAST(day_of_week(release_date) AS INTEGER) AS iso_weekday, count(*) AS album_count
FROM albums
GROUP BY 1
ORDER BY 1
