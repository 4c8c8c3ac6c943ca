import { integer, string } from '../define/params';

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
