WITH ranked AS (
  SELECT genre, row_count, artist_count, row_number() OVER (ORDER BY row_count DESC, genre) AS row_num
  FROM (
    SELECT genre, count(*) AS row_count, count(DISTINCT artist_id) AS artist_count
    FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
    WHERE genre IS NOT NULL
    GROUP BY genre
  ) top_source
)
SELECT genre, row_count, artist_count
FROM ranked
WHERE row_num <= ?
ORDER BY row_num
