import { bigint, integer, string } from '../define/params';
import { integerSeries, type ParamRef, type Sql, sql } from '../sql/template';

/** Year filters: every release year of the contract (1000-9999) by default. */
export const fromYear = () =>
  integer({
    description: 'First release year included (default 1000: no lower bound).',
    min: 1000,
    max: 9999,
    default: 1000,
  });
export const toYear = () =>
  integer({
    description: 'Last release year included (default 9999: no upper bound).',
    min: 1000,
    max: 9999,
    default: 9999,
  });

/** Exact genre, or the empty string (the default) for every artist, with or without a genre. */
export const genreFilter = () =>
  string({
    description: "Only artists of this exact genre (default '': any genre).",
    minLength: 0,
    maxLength: 200,
    default: '',
  });

export const minPopularity = (of: string) =>
  integer({
    description: `Lowest ${of} popularity included, 0-100 (default 0).`,
    min: 0,
    max: 100,
    default: 0,
  });

export const minFollowers = () =>
  bigint({
    description: 'Fewest followers included (default 0).',
    min: 0n,
    max: 2n ** 63n - 1n,
    default: 0,
  });

/** A histogram's bucket width parameter, 1 to `max`; pair it with `widthCte` and the same `max`. */
export const bucketWidth = (description: string, max: number, defaultWidth: number) =>
  integer({ description, min: 1, max, default: defaultWidth });

/**
 * `WITH params AS (...)` holding the chosen bucket width as `width`. The width is picked from a series in a
 * WHERE clause, the only place Athena takes a `?`, once.
 */
export const widthCte = (width: ParamRef, max: number): Sql => sql`WITH params AS (
  SELECT CAST(n AS INTEGER) AS width
  FROM ${integerSeries(1, max)}
  WHERE n = ${width}
)`;
