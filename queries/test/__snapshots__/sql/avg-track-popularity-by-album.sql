WITH albums AS (
  SELECT album_id, max(album_name) AS album_name, count(*) AS track_count, avg(track_popularity) AS avg_track_popularity
  FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
  GROUP BY album_id
),
ranked AS (
  SELECT album_id, album_name, track_count, avg_track_popularity, row_number() OVER (ORDER BY avg_track_popularity DESC, album_id) AS row_num
  FROM (
    SELECT album_id, album_name, track_count, avg_track_popularity
    FROM albums
    WHERE track_count >= ?
  ) top_source
)
SELECT album_id, album_name, track_count, avg_track_popularity
FROM ranked
WHERE row_num <= ?
ORDER BY row_num
