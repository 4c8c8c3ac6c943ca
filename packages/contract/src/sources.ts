import type { LogicalType } from './logical-types';

/** How a source field is checked and typed. Every non-text field is required. */
export interface SourceField {
  readonly name: string;
  readonly type: LogicalType;
  /** `true` for ids and measures: an empty value is a bad value. Text (names, labels, genres) may be empty. */
  readonly required: boolean;
  /** Inclusive bounds for numeric fields. */
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
}

export interface ForeignKey<Source extends string = SourceName> {
  /** Field of this source. */
  readonly field: string;
  /** Referenced source and its key field. */
  readonly references: { readonly source: Source; readonly field: string };
  /** Quarantine reason for rows whose reference is not an accepted row of the referenced source. */
  readonly reason: QuarantineReasonForKey;
}

export type QuarantineReasonForKey = 'unknown_artist' | 'unknown_track';

export interface SourceSpec<Source extends string = SourceName> {
  readonly name: Source;
  /** File name in the tutorial's upload, and the default name in an `--input` folder. */
  readonly file: string;
  readonly description: string;
  readonly fields: readonly SourceField[];
  /** Fields that identify a row: a second accepted row with the same key is a duplicate. */
  readonly key: readonly string[];
  readonly foreignKeys: readonly ForeignKey<Source>[];
}

export const SOURCE_NAMES = ['albums', 'artists', 'tracks'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

const id = (name: string, description: string): SourceField => ({
  name,
  type: 'string',
  required: true,
  description,
});
const text = (name: string, description: string): SourceField => ({
  name,
  type: 'string',
  required: false,
  description,
});
const popularity = (name: string, description: string): SourceField => ({
  name,
  type: 'int',
  required: true,
  min: 0,
  max: 100,
  description,
});

export const albums: SourceSpec = {
  name: 'albums',
  file: 'albums.csv',
  description: 'One row per track on an album (a track can sit on several albums).',
  fields: [
    text('track_name', 'Track title.'),
    id('track_id', 'Spotify track id.'),
    {
      name: 'duration_ms',
      type: 'int',
      required: true,
      min: 0,
      description: 'Track length in milliseconds.',
    },
    text('album_name', 'Album title.'),
    {
      name: 'release_date',
      type: 'date',
      required: true,
      description:
        'Album release date: `YYYY-MM-DD HH:MM:SS UTC`, `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (first day of the period).',
    },
    text('label', 'Record label.'),
    popularity('album_popularity', 'Album popularity, 0-100.'),
    id('album_id', 'Spotify album id.'),
    id('artist_id', 'Spotify id of the album artist.'),
    { name: 'duration_sec', type: 'double', required: true, min: 0, description: 'Track length in seconds.' },
  ],
  key: ['track_id', 'album_id'],
  foreignKeys: [
    { field: 'artist_id', references: { source: 'artists', field: 'id' }, reason: 'unknown_artist' },
    { field: 'track_id', references: { source: 'tracks', field: 'track_id' }, reason: 'unknown_track' },
  ],
};

export const artists: SourceSpec = {
  name: 'artists',
  file: 'artists.csv',
  description: 'One row per artist. Artists without album rows are dimension rows, not errors.',
  fields: [
    id('id', 'Spotify artist id.'),
    text('name', 'Artist name.'),
    popularity('artist_popularity', 'Artist popularity, 0-100.'),
    { name: 'followers', type: 'bigint', required: true, min: 0, description: 'Spotify followers.' },
    text('genre', 'Main genre; empty for most artists.'),
  ],
  key: ['id'],
  foreignKeys: [],
};

export const tracks: SourceSpec = {
  name: 'tracks',
  file: 'tracks.csv',
  description: 'One row per track with its popularity.',
  fields: [id('track_id', 'Spotify track id.'), popularity('track_popularity', 'Track popularity, 0-100.')],
  key: ['track_id'],
  foreignKeys: [],
};

export const SOURCES: { readonly [S in SourceName]: SourceSpec } = { albums, artists, tracks };

export function sourceField(source: SourceName, field: string): SourceField {
  const found = SOURCES[source].fields.find((f) => f.name === field);
  if (!found) throw new Error(`source "${source}" has no field "${field}"`);
  return found;
}
