WITH ranked AS (
  SELECT track_id, track_name, album_id, album_name, artist_name, track_popularity, release_date, row_number() OVER (ORDER BY track_popularity DESC, track_id, album_id) AS row_num
  FROM (
    SELECT track_id, track_name, album_id, album_name, artist_name, track_popularity, release_date
    FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
    WHERE lower(track_name) LIKE lower(?) ESCAPE '!'
  ) top_source
)
SELECT track_id, track_name, album_id, album_name, artist_name, track_popularity, release_date
FROM ranked
WHERE row_num <= ?
ORDER BY row_num
