WITH params AS (
  SELECT CAST(n AS INTEGER) AS width
  FROM UNNEST(sequence(1, 101)) AS series(n)
  WHERE n = ?
),
albums AS (
  SELECT album_id, max(album_popularity) AS album_popularity
  FROM "AwsDataCatalog"."spotify_lake_dev"."datawarehouse"
  GROUP BY album_id
)
SELECT
  (a.album_popularity / p.width) * p.width AS bucket_start,
  (a.album_popularity / p.width) * p.width + p.width - 1 AS bucket_end,
  count(*) AS album_count
FROM albums a
CROSS JOIN params p
GROUP BY 1, 2
ORDER BY 1
