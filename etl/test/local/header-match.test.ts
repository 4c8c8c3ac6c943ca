import { SOURCES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { EtlInputError } from '../../src/local/errors';
import { matchHeader, normalizeHeaderName } from '../../src/local/header-match';

const artistFields = SOURCES.artists.fields.map((f) => f.name);

describe('matchHeader', () => {
  it('maps columns by name whatever their order, case and surrounding spaces', () => {
    const header = [' Genre', 'FOLLOWERS', 'id', 'name ', 'artist_popularity'];
    expect(matchHeader('artists', 'a.csv', header)).toEqual({
      columns: ['genre', 'followers', 'id', 'name', 'artist_popularity'],
      ignored: [],
    });
  });

  it('ignores and reports extra columns', () => {
    const match = matchHeader('tracks', 't.csv', ['note', 'track_id', 'track_popularity', 'Extra']);
    expect(match).toEqual({
      columns: [undefined, 'track_id', 'track_popularity', undefined],
      ignored: ['note', 'Extra'],
    });
  });

  it('names the file and every missing column', () => {
    const error = (() => {
      try {
        matchHeader('artists', 'dir/artists.csv', ['id', 'name', 'genre']);
      } catch (e) {
        return e as EtlInputError;
      }
    })();
    expect(error).toBeInstanceOf(EtlInputError);
    expect(error).toMatchObject({ file: 'dir/artists.csv', column: 'artist_popularity, followers', row: 1 });
    expect(error?.message).toBe(
      'dir/artists.csv, line 1, column artist_popularity, followers: required columns are missing from the header (found: "id", "name", "genre")',
    );
  });

  it('refuses a field given twice', () => {
    expect(() => matchHeader('artists', 'a.csv', [...artistFields, 'ID'])).toThrow(
      'a.csv, line 1, column id: appears 2 times in the header ("id" and "ID"); a field must have one column',
    );
  });

  it('normalizes names by trimming and case-folding', () => {
    expect(normalizeHeaderName('  Track_ID\t')).toBe('track_id');
  });
});
