WITH ranked AS (
  SELECT label, album_count, track_count, artist_count, row_number() OVER (ORDER BY album_count DESC, track_count DESC, label) AS row_num
  FROM (
    SELECT label, count(DISTINCT album_id) AS album_count, count(*) AS track_count, count(DISTINCT artist_id) AS artist_count
    FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
    WHERE label IS NOT NULL
      AND release_year BETWEEN ? AND ?
    GROUP BY label
  ) top_source
)
SELECT label, album_count, track_count, artist_count
FROM ranked
WHERE row_num <= ?
ORDER BY row_num
