import { avgTrackPopularityByAlbum, lakeSummary, topArtistsByFollowers } from '@spotify-lake/queries';
import { describe, expect, it } from 'vitest';
import { dropdown, slider } from '../../src/spec/controls';
import { barChart, kpi, table } from '../../src/spec/visuals';

/**
 * Type tests: `pnpm typecheck` (tsc over test/) fails if any `@ts-expect-error` line below compiles, i.e. if a
 * wrong field name, a text field where a number is needed, or a control of the wrong type were accepted.
 */
const layout = { columns: 12, rows: 6 };
const year = slider({ id: 'year', title: 'Year', min: 1900, max: 2030, defaultValue: 1900 });
const genre = dropdown({
  id: 'g',
  title: 'Genre',
  choices: { query: topArtistsByFollowers, field: 'genre' },
  defaultValue: '',
  defaultLabel: 'Any',
});

describe('spec types', () => {
  it('accepts columns of the query and rejects others at compile time', () => {
    const ok = barChart(topArtistsByFollowers, {
      id: 'a',
      title: 'A',
      category: 'artist_name',
      value: 'followers',
      layout,
    });
    // @ts-expect-error "artist" is not a column of top-artists-by-followers
    barChart(topArtistsByFollowers, { id: 'b', title: 'B', category: 'artist', value: 'followers', layout });
    // @ts-expect-error a bar's value must be a number column; artist_name is text
    barChart(topArtistsByFollowers, { id: 'c', title: 'C', category: 'genre', value: 'artist_name', layout });
    // @ts-expect-error track_count is not a column of top-artists-by-followers
    kpi(topArtistsByFollowers, { id: 'd', title: 'D', value: 'track_count', layout });
    kpi(lakeSummary, { id: 'e', title: 'E', value: { field: 'album_count', label: 'Albums' }, layout });
    table(avgTrackPopularityByAlbum, {
      id: 'f',
      title: 'F',
      columns: ['album_name'],
      // @ts-expect-error a table sorts by one of the query's columns
      sort: { column: 'popularity', direction: 'desc' },
      layout,
    });
    expect(ok.visual).toMatchObject({
      kind: 'bar',
      category: { column: 'artist_name' },
      value: { column: 'followers' },
    });
  });

  it('binds parameters to values or controls of their type only', () => {
    barChart(topArtistsByFollowers, {
      id: 'g',
      title: 'G',
      params: { limit: 5, genre },
      category: 'artist_name',
      value: 'followers',
      layout,
    });
    barChart(topArtistsByFollowers, {
      id: 'h',
      title: 'H',
      // @ts-expect-error the genre parameter is text; a slider gives a number
      params: { genre: year },
      category: 'artist_name',
      value: 'followers',
      layout,
    });
    barChart(topArtistsByFollowers, {
      id: 'i',
      title: 'I',
      // @ts-expect-error limit is a number
      params: { limit: 'ten' },
      category: 'artist_name',
      value: 'followers',
      layout,
    });
    dropdown({
      id: 'x',
      title: 'X',
      // @ts-expect-error drop-down choices come from a text column
      choices: { query: topArtistsByFollowers, field: 'followers' },
      defaultValue: '',
      defaultLabel: 'Any',
    });
    expect(genre.choices.field).toBe('genre');
  });
});
