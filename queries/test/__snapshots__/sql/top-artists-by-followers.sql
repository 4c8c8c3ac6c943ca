WITH artists AS (
  SELECT
    artist_id,
    max(artist_name) AS artist_name,
    max(artist_popularity) AS artist_popularity,
    max(followers) AS followers,
    max(genre) AS genre
  FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
  GROUP BY artist_id
),
ranked AS (
  SELECT artist_id, artist_name, followers, artist_popularity, genre, row_number() OVER (ORDER BY followers DESC, artist_id) AS row_num
  FROM (
    SELECT artist_id, artist_name, followers, artist_popularity, genre
    FROM artists
    WHERE artist_popularity >= ?
      AND ? IN ('', genre)
  ) top_source
)
SELECT artist_id, artist_name, followers, artist_popularity, genre
FROM ranked
WHERE row_num <= ?
ORDER BY row_num
