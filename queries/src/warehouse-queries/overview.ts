import { aggregate, nullableAggregate } from '../define/columns';
import { defineQuery } from '../define/query';
import { approxPercentile, sql } from '../sql/template';

export const lakeSummary = defineQuery({
  name: 'lake-summary',
  description:
    'Size of the warehouse: rows, distinct tracks, albums, artists, release date span, median track length.',
  params: {},
  columns: [
    aggregate('row_count', 'bigint', 'Warehouse rows (album tracks).'),
    aggregate('track_count', 'bigint', 'Distinct tracks.'),
    aggregate('album_count', 'bigint', 'Distinct albums.'),
    aggregate('artist_count', 'bigint', 'Distinct artists with at least one album track.'),
    nullableAggregate(
      'first_release_date',
      'date',
      'Earliest release date (NULL when the warehouse is empty).',
    ),
    nullableAggregate('last_release_date', 'date', 'Latest release date (NULL when the warehouse is empty).'),
    nullableAggregate('median_duration_ms', 'bigint', 'Approximate median track length in milliseconds.'),
  ],
  sql: ({ warehouse }) => sql`SELECT
  count(*) AS row_count,
  count(DISTINCT track_id) AS track_count,
  count(DISTINCT album_id) AS album_count,
  count(DISTINCT artist_id) AS artist_count,
  min(release_date) AS first_release_date,
  max(release_date) AS last_release_date,
  ${approxPercentile(sql`CAST(duration_ms AS BIGINT)`, sql`0.5`)} AS median_duration_ms
FROM ${warehouse}`,
});
