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
  SELECT artist_id, artist_name, followers, artist_popularity, followers_rank, popularity_rank, row_number() OVER (ORDER BY followers DESC, artist_id) AS row_num
  FROM (
    SELECT
      artist_id,
      artist_name,
      followers,
      artist_popularity,
      rank() OVER (ORDER BY followers DESC) AS followers_rank,
      rank() OVER (ORDER BY artist_popularity DESC) AS popularity_rank
    FROM artists
    WHERE followers >= ?
  ) top_source
)
SELECT artist_id, artist_name, followers, artist_popularity, followers_rank, popularity_rank
FROM ranked
WHERE row_num <= ?
ORDER BY row_num
