import { aggregate, column } from '../define/columns';
import { contains, limit } from '../define/params';
import { defineQuery } from '../define/query';
import { intDiv, sql } from '../sql/template';
import { bucketWidth, widthCte } from './shared-params';
import { topN } from './top-n';

const BUCKET_SECONDS_MAX = 3600;

export const trackDurationHistogram = defineQuery({
  name: 'track-duration-histogram',
  description: 'Number of distinct tracks per duration bucket [bucket_start_sec, bucket_end_sec).',
  params: {
    bucket_seconds: bucketWidth('Width of a bucket in seconds (default 30).', BUCKET_SECONDS_MAX, 30),
  },
  columns: [
    aggregate('bucket_start_sec', 'int', 'Start of the bucket in whole seconds (inclusive).'),
    aggregate('bucket_end_sec', 'int', 'End of the bucket in whole seconds (exclusive).'),
    aggregate('track_count', 'bigint', 'Distinct tracks in the bucket (a track on two albums counts once).'),
  ],
  sql: ({ p, warehouse }) => sql`${widthCte(p.bucket_seconds, BUCKET_SECONDS_MAX)},
track_seconds AS (
  SELECT track_id, ${intDiv(sql`max(duration_ms)`, sql`1000`)} AS seconds
  FROM ${warehouse}
  GROUP BY track_id
)
SELECT
  ${intDiv(sql`t.seconds`, sql`p.width`)} * p.width AS bucket_start_sec,
  ${intDiv(sql`t.seconds`, sql`p.width`)} * p.width + p.width AS bucket_end_sec,
  count(*) AS track_count
FROM track_seconds t
CROSS JOIN params p
GROUP BY 1, 2
ORDER BY 1`,
});

export const trackSearch = defineQuery({
  name: 'track-search',
  // `!` is LIKE_ESCAPE, the escape character of the pattern that `contains` binds.
  description: 'Album tracks whose name contains the text (case-insensitive; % and _ match literally).',
  params: {
    text: contains({ description: 'Text the track name must contain.', minLength: 1, maxLength: 200 }),
    limit: limit(20),
  },
  columns: [
    column('track_id'),
    column('track_name', { notNull: true }),
    column('album_id'),
    column('album_name'),
    column('artist_name'),
    column('track_popularity'),
    column('release_date'),
  ],
  sql: (q) =>
    sql`WITH ${topN(
      q,
      sql`    SELECT ${q.columnList}
    FROM ${q.warehouse}
    WHERE lower(track_name) LIKE lower(${q.p.text}) ESCAPE '!'`,
      sql`track_popularity DESC, track_id, album_id`,
    )}`,
});
