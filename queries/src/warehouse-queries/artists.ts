import { aggregate, column } from '../define/columns';
import { limit } from '../define/params';
import { defineQuery } from '../define/query';
import { type Sql, sql, type TableRef } from '../sql/template';
import { genreFilter, minFollowers, minPopularity } from './shared-params';
import { topN } from './top-n';

/**
 * One row per artist id. The warehouse repeats an artist's attributes on each of its tracks; grouping by
 * the id (never by the name: two artists may share one) with MAX keeps one row even if the rows disagree.
 */
const artistsCte = (warehouse: TableRef): Sql => sql`WITH artists AS (
  SELECT
    artist_id,
    max(artist_name) AS artist_name,
    max(artist_popularity) AS artist_popularity,
    max(followers) AS followers,
    max(genre) AS genre
  FROM ${warehouse}
  GROUP BY artist_id
)`;

export const topArtistsByFollowers = defineQuery({
  name: 'top-artists-by-followers',
  description: 'Artists with the most Spotify followers, one row per artist, sorted numerically.',
  params: { limit: limit(10), min_popularity: minPopularity('artist'), genre: genreFilter() },
  columns: [
    column('artist_id'),
    column('artist_name'),
    column('followers'),
    column('artist_popularity'),
    column('genre'),
  ],
  sql: (q) => sql`${artistsCte(q.warehouse)},
${topN(
  q,
  sql`    SELECT artist_id, artist_name, followers, artist_popularity, genre
    FROM artists
    WHERE artist_popularity >= ${q.p.min_popularity}
      AND ${q.p.genre} IN ('', genre)`,
  sql`followers DESC, artist_id`,
)}`,
});

export const topArtistsByPopularity = defineQuery({
  name: 'top-artists-by-popularity',
  description: 'Most popular artists (Spotify popularity 0-100), ties broken by followers.',
  params: {
    limit: limit(10),
    min_followers: minFollowers(),
    genre: genreFilter(),
  },
  columns: [
    column('artist_id'),
    column('artist_name'),
    column('artist_popularity'),
    column('followers'),
    column('genre'),
  ],
  sql: (q) => sql`${artistsCte(q.warehouse)},
${topN(
  q,
  sql`    SELECT artist_id, artist_name, artist_popularity, followers, genre
    FROM artists
    WHERE followers >= ${q.p.min_followers}
      AND ${q.p.genre} IN ('', genre)`,
  sql`artist_popularity DESC, followers DESC, artist_id`,
)}`,
});

export const popularityVsFollowers = defineQuery({
  name: 'popularity-vs-followers',
  description:
    "Per artist: followers and popularity with each one's rank (1 = highest) among the artists kept, to spot artists far more popular than followed or the reverse.",
  params: {
    limit: limit(100, 100_000),
    min_followers: minFollowers(),
  },
  columns: [
    column('artist_id'),
    column('artist_name'),
    column('followers'),
    column('artist_popularity'),
    aggregate('followers_rank', 'bigint', 'Rank by followers among the artists kept (1 = most followed).'),
    aggregate('popularity_rank', 'bigint', 'Rank by popularity among the artists kept (1 = most popular).'),
  ],
  sql: (q) => sql`${artistsCte(q.warehouse)},
${topN(
  q,
  sql`    SELECT
      artist_id,
      artist_name,
      followers,
      artist_popularity,
      rank() OVER (ORDER BY followers DESC) AS followers_rank,
      rank() OVER (ORDER BY artist_popularity DESC) AS popularity_rank
    FROM artists
    WHERE followers >= ${q.p.min_followers}`,
  sql`followers DESC, artist_id`,
)}`,
});

export const genreCounts = defineQuery({
  name: 'genre-counts',
  description: 'Warehouse rows (album tracks) and artists per genre; rows without a genre are left out.',
  params: { limit: limit(50) },
  columns: [
    column('genre', { notNull: true }),
    aggregate('row_count', 'bigint', 'Warehouse rows (album tracks) of artists of this genre.'),
    aggregate('artist_count', 'bigint', 'Distinct artists of this genre.'),
  ],
  sql: (q) =>
    sql`WITH ${topN(
      q,
      sql`    SELECT genre, count(*) AS row_count, count(DISTINCT artist_id) AS artist_count
    FROM ${q.warehouse}
    WHERE genre IS NOT NULL
    GROUP BY genre`,
      sql`row_count DESC, genre`,
    )}`,
});
