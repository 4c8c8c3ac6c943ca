WITH ranked AS (
  SELECT album_id, album_name, release_date, track_count, row_number() OVER (ORDER BY track_count DESC, album_id) AS row_num
  FROM (
    SELECT album_id, max(album_name) AS album_name, max(release_date) AS release_date, count(*) AS track_count
    FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
    WHERE release_year BETWEEN ? AND ?
    GROUP BY album_id
  ) top_source
)
SELECT album_id, album_name, release_date, track_count
FROM ranked
WHERE row_num <= ?
ORDER BY row_num
