SELECT
  track_id,
  track_name,
  album_id,
  album_name,
  artist_name,
  track_popularity,
  release_date
FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
WHERE lower(track_name) LIKE lower(?) ESCAPE '!'
ORDER BY track_popularity DESC, track_id, album_id
LIMIT ?
