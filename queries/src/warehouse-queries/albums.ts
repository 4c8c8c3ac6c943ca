import { aggregate, column } from '../define/columns';
import { integer, limit } from '../define/params';
import { defineQuery } from '../define/query';
import { intDiv, isoDayOfWeek, sql } from '../sql/template';
import { bucketWidth, fromYear, toYear, widthCte } from './shared-params';
import { topN } from './top-n';

export const albumsWithMostTracks = defineQuery({
  name: 'albums-with-most-tracks',
  description: 'Albums with the most tracks, counted per album id (two albums may share a name).',
  params: { limit: limit(10), from_year: fromYear(), to_year: toYear() },
  columns: [
    column('album_id'),
    column('album_name'),
    column('release_date'),
    aggregate('track_count', 'bigint', 'Tracks on the album.'),
  ],
  sql: (q) =>
    sql`WITH ${topN(
      q,
      sql`    SELECT album_id, max(album_name) AS album_name, max(release_date) AS release_date, count(*) AS track_count
    FROM ${q.warehouse}
    WHERE release_year BETWEEN ${q.p.from_year} AND ${q.p.to_year}
    GROUP BY album_id`,
      sql`track_count DESC, album_id`,
    )}`,
});

export const avgTrackPopularityByAlbum = defineQuery({
  name: 'avg-track-popularity-by-album',
  description: 'Albums ranked by the average popularity of their tracks.',
  params: {
    limit: limit(10),
    min_tracks: integer({
      description: 'Fewest tracks an album needs to be ranked (default 1).',
      min: 1,
      max: 10_000,
      default: 1,
    }),
  },
  columns: [
    column('album_id'),
    column('album_name'),
    aggregate('track_count', 'bigint', 'Tracks on the album.'),
    aggregate('avg_track_popularity', 'double', 'Average popularity of the tracks, 0-100.'),
  ],
  sql: (q) => sql`WITH albums AS (
  SELECT album_id, max(album_name) AS album_name, count(*) AS track_count, avg(track_popularity) AS avg_track_popularity
  FROM ${q.warehouse}
  GROUP BY album_id
),
${topN(
  q,
  sql`    SELECT album_id, album_name, track_count, avg_track_popularity
    FROM albums
    WHERE track_count >= ${q.p.min_tracks}`,
  sql`avg_track_popularity DESC, album_id`,
)}`,
});

export const releasesPerYear = defineQuery({
  name: 'releases-per-year',
  description: 'Albums and album tracks released each year.',
  params: { from_year: fromYear(), to_year: toYear() },
  columns: [
    column('release_year'),
    aggregate('album_count', 'bigint', 'Distinct albums released that year.'),
    aggregate('track_count', 'bigint', 'Album tracks (warehouse rows) released that year.'),
  ],
  sql: ({ p, warehouse }) => sql`SELECT
  release_year,
  count(DISTINCT album_id) AS album_count,
  count(*) AS track_count
FROM ${warehouse}
WHERE release_year BETWEEN ${p.from_year} AND ${p.to_year}
GROUP BY release_year
ORDER BY release_year`,
});

export const releasesByWeekday = defineQuery({
  name: 'releases-by-weekday',
  description:
    'Albums per ISO weekday of release (1 = Monday .. 7 = Sunday). Releases known only by year or month count on the 1st.',
  params: { from_year: fromYear(), to_year: toYear() },
  columns: [
    aggregate('iso_weekday', 'int', 'ISO day of the week, 1 = Monday .. 7 = Sunday.'),
    aggregate('album_count', 'bigint', 'Distinct albums released on that weekday.'),
  ],
  sql: ({ p, warehouse }) => sql`WITH albums AS (
  SELECT album_id, max(release_date) AS release_date
  FROM ${warehouse}
  WHERE release_year BETWEEN ${p.from_year} AND ${p.to_year}
  GROUP BY album_id
)
SELECT ${isoDayOfWeek(sql`release_date`)} AS iso_weekday, count(*) AS album_count
FROM albums
GROUP BY 1
ORDER BY 1`,
});

/** Popularity runs 0-100: a width of 101 puts every album in one bucket. */
const BUCKET_WIDTH_MAX = 101;

export const albumPopularityHistogram = defineQuery({
  name: 'album-popularity-histogram',
  description: 'Number of albums per album-popularity bucket (bucket_start..bucket_end inclusive).',
  params: {
    bucket_width: bucketWidth('Width of a bucket in popularity points (default 10).', BUCKET_WIDTH_MAX, 10),
  },
  columns: [
    aggregate('bucket_start', 'int', 'Lowest popularity of the bucket.'),
    aggregate('bucket_end', 'int', 'Highest popularity of the bucket (inclusive).'),
    aggregate('album_count', 'bigint', 'Distinct albums in the bucket.'),
  ],
  sql: ({ p, warehouse }) => sql`${widthCte(p.bucket_width, BUCKET_WIDTH_MAX)},
albums AS (
  SELECT album_id, max(album_popularity) AS album_popularity
  FROM ${warehouse}
  GROUP BY album_id
)
SELECT
  ${intDiv(sql`a.album_popularity`, sql`p.width`)} * p.width AS bucket_start,
  ${intDiv(sql`a.album_popularity`, sql`p.width`)} * p.width + p.width - 1 AS bucket_end,
  count(*) AS album_count
FROM albums a
CROSS JOIN params p
GROUP BY 1, 2
ORDER BY 1`,
});

export const topLabels = defineQuery({
  name: 'top-labels',
  description: 'Record labels with the most albums; rows without a label are left out.',
  params: { limit: limit(10), from_year: fromYear(), to_year: toYear() },
  columns: [
    column('label', { notNull: true }),
    aggregate('album_count', 'bigint', 'Distinct albums of the label.'),
    aggregate('track_count', 'bigint', 'Album tracks (warehouse rows) of the label.'),
    aggregate('artist_count', 'bigint', 'Distinct artists of the label.'),
  ],
  sql: (q) =>
    sql`WITH ${topN(
      q,
      sql`    SELECT label, count(DISTINCT album_id) AS album_count, count(*) AS track_count, count(DISTINCT artist_id) AS artist_count
    FROM ${q.warehouse}
    WHERE label IS NOT NULL
      AND release_year BETWEEN ${q.p.from_year} AND ${q.p.to_year}
    GROUP BY label`,
      sql`album_count DESC, track_count DESC, label`,
    )}`,
});
