import { describe, expect, it } from 'vitest';
import { SOURCE_NAMES, SOURCES, sourceField } from '../src/sources';

describe('sources', () => {
  it('declares the tutorial files with their headers', () => {
    expect(SOURCES.albums.fields.map((f) => f.name)).toEqual([
      'track_name',
      'track_id',
      'duration_ms',
      'album_name',
      'release_date',
      'label',
      'album_popularity',
      'album_id',
      'artist_id',
      'duration_sec',
    ]);
    expect(SOURCES.artists.fields.map((f) => f.name)).toEqual([
      'id',
      'name',
      'artist_popularity',
      'followers',
      'genre',
    ]);
    expect(SOURCES.tracks.fields.map((f) => f.name)).toEqual(['track_id', 'track_popularity']);
    for (const source of SOURCE_NAMES) expect(SOURCES[source].file).toBe(`${source}.csv`);
  });

  it.each(SOURCE_NAMES)('%s: unique snake_case field names, keys and foreign keys that exist', (source) => {
    const spec = SOURCES[source];
    const names = spec.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const key of spec.key) expect(sourceField(source, key).required).toBe(true);
    for (const fk of spec.foreignKeys) {
      expect(sourceField(source, fk.field).required).toBe(true);
      expect(SOURCES[fk.references.source].key).toEqual([fk.references.field]);
    }
  });

  it('requires ids and measures, lets text be empty', () => {
    const optional = SOURCE_NAMES.flatMap((s) =>
      SOURCES[s].fields.filter((f) => !f.required).map((f) => f.name),
    );
    expect(optional.sort()).toEqual(['album_name', 'genre', 'label', 'name', 'track_name']);
    for (const s of SOURCE_NAMES) {
      for (const f of SOURCES[s].fields) if (f.type !== 'string') expect(f.required).toBe(true);
    }
  });

  it('bounds popularity to 0-100 and counts to non-negative', () => {
    for (const name of ['album_popularity', 'artist_popularity', 'track_popularity']) {
      const source = SOURCE_NAMES.find((s) => SOURCES[s].fields.some((f) => f.name === name))!;
      expect(sourceField(source, name)).toMatchObject({ type: 'int', min: 0, max: 100 });
    }
    expect(sourceField('artists', 'followers')).toMatchObject({ type: 'bigint', min: 0 });
    expect(sourceField('albums', 'duration_ms')).toMatchObject({ min: 0 });
    expect(sourceField('albums', 'duration_sec')).toMatchObject({ type: 'double', min: 0 });
  });

  it('names the source and field when a field does not exist', () => {
    expect(() => sourceField('tracks', 'nope')).toThrow('source "tracks" has no field "nope"');
  });
});
