import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SOURCE_NAMES, SOURCES, type SourceName } from '@spotify-lake/contract';
import { GrowableBitSet } from './bitset';
import { CsvFileWriter, recordOf } from './csv-writer';
import { tracksOnAlbum } from './distributions';
import {
  type Album,
  album,
  albumRowCells,
  artistCells,
  STREAM,
  type Track,
  track,
  trackCells,
} from './entities';
import {
  ALBUM_FAULTS,
  badValueCells,
  DIMENSION_FAULTS,
  type Fault,
  malformedRecord,
  RecentRows,
  unterminatedRecord,
} from './faults';
import { header } from './fields';
import { spotifyId, UNKNOWN_INDEX_BASE } from './ids';
import { Random } from './random';
import { type ExpectedOutcome, type Outcome, OutcomeTally } from './tally';

export interface GenerateOptions {
  /** Folder the three CSV files are written to; created when missing. */
  outDir: string;
  /** Data records in albums.csv (album-track rows, bad ones included); the full Kaggle set has 438,938. */
  tracks: number;
  /** PRNG seed: the same seed and options give the same bytes. Default 42. */
  seed?: number;
  /**
   * Share of rows written bad, 0 to 0.5, spread over every quarantine reason. Default 0.01. Album rows
   * whose artist or track was itself written bad add to the albums' quarantine on top of this share.
   */
  badRowShare?: number;
}

export interface GeneratedDataset {
  dir: string;
  /** Absolute path of each source's file. */
  files: Record<SourceName, string>;
  /** Data records (not lines: quoted fields may hold line breaks) written to each file. */
  rows: Record<SourceName, number>;
  /** Exactly what a correct ETL reports for these files. */
  expected: ExpectedOutcome;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_BAD_ROW_SHARE = 0.01;
export const MAX_BAD_ROW_SHARE = 0.5;
/** Ids encode indexes below UNKNOWN_INDEX_BASE; a billion rows (~160 GB of CSV) is far beyond need. */
export const MAX_TRACKS = 1_000_000_000;
/** Kaggle: 438,938 album-track rows for 37,012 artists. */
export const ALBUM_ROWS_PER_ARTIST = 11.9;
/** Share of album rows that carry a track already released on an earlier album (compilations, re-issues). */
export const TRACK_REUSE_SHARE = 0.015;

function validate(options: GenerateOptions): Required<GenerateOptions> {
  const problems: string[] = [];
  const { outDir, tracks, seed = DEFAULT_SEED, badRowShare = DEFAULT_BAD_ROW_SHARE } = options;
  if (typeof outDir !== 'string' || outDir.trim() === '') problems.push('"outDir" must be a non-empty path');
  if (!Number.isInteger(tracks) || tracks < 1 || tracks > MAX_TRACKS) {
    problems.push(`"tracks" must be a whole number from 1 to ${MAX_TRACKS}, got ${String(tracks)}`);
  }
  if (!Number.isSafeInteger(seed)) problems.push(`"seed" must be a whole number, got ${String(seed)}`);
  if (typeof badRowShare !== 'number' || !(badRowShare >= 0 && badRowShare <= MAX_BAD_ROW_SHARE)) {
    problems.push(
      `"badRowShare" must be a number from 0 to ${MAX_BAD_ROW_SHARE}, got ${String(badRowShare)}`,
    );
  }
  if (problems.length > 0) throw new RangeError(`generateDataset: ${problems.join('; ')}`);
  return { outDir, tracks, seed: seed >>> 0, badRowShare };
}

/**
 * Writes albums.csv, artists.csv and tracks.csv shaped like the Kaggle Spotify 2023 data, with a share
 * of bad rows of every quarantine reason, and returns what a correct ETL must report for them.
 * Streams: memory holds one bit per track, never the rows.
 */
export async function generateDataset(options: GenerateOptions): Promise<GeneratedDataset> {
  const settings = validate(options);
  const dir = resolve(settings.outDir);
  await mkdir(dir, { recursive: true });
  const files = Object.fromEntries(SOURCE_NAMES.map((s) => [s, join(dir, SOURCES[s].file)])) as Record<
    SourceName,
    string
  >;
  // Written under temporary names and renamed at the end: a failed run never leaves a truncated
  // file that looks like a dataset.
  const partial = (source: SourceName) => `${files[source]}.partial-${process.pid}`;
  const writers = {} as Record<SourceName, CsvFileWriter>;
  try {
    for (const source of SOURCE_NAMES) {
      writers[source] = await CsvFileWriter.create(partial(source), header(source));
    }
    const generator = new DatasetGenerator(settings, writers);
    await generator.run();
    for (const source of SOURCE_NAMES) await writers[source].close();
    const expected = generator.tally.result();
    const rows = Object.fromEntries(SOURCE_NAMES.map((s) => [s, writers[s].records])) as Record<
      SourceName,
      number
    >;
    for (const source of SOURCE_NAMES) {
      // A guard on the generator itself: every record written has exactly one expected outcome.
      if (rows[source] !== generator.tally.rows(source)) {
        throw new Error(
          `generator bug: ${source} has ${rows[source]} records but ${generator.tally.rows(source)} outcomes`,
        );
      }
    }
    for (const source of SOURCE_NAMES) await rename(partial(source), files[source]);
    return { dir, files, rows, expected };
  } catch (error) {
    await Promise.allSettled(Object.values(writers).map((w) => w.close()));
    await Promise.allSettled(SOURCE_NAMES.map((s) => rm(partial(s), { force: true })));
    throw error;
  }
}

class DatasetGenerator {
  readonly tally = new OutcomeTally();
  private readonly seed: number;
  private readonly share: number;
  private readonly albumRows: number;
  private readonly artistCount: number;
  private readonly acceptedArtists = new GrowableBitSet();
  private readonly acceptedTracks = new GrowableBitSet();
  private readonly recent: Record<SourceName, RecentRows> = {
    albums: new RecentRows(),
    artists: new RecentRows(),
    tracks: new RecentRows(),
  };
  private readonly faultRng: Record<SourceName, Random>;
  private nextTrack = 0;
  private peeked: { index: number; track: Track } | undefined;
  private unknownArtists = 0;
  private unknownTracks = 0;

  constructor(
    settings: Required<GenerateOptions>,
    private readonly writers: Record<SourceName, CsvFileWriter>,
  ) {
    this.seed = settings.seed;
    this.share = settings.badRowShare;
    this.albumRows = settings.tracks;
    this.artistCount = Math.max(1, Math.round(settings.tracks / ALBUM_ROWS_PER_ARTIST));
    this.faultRng = {
      albums: new Random(this.seed, STREAM.albumFaults),
      artists: new Random(this.seed, STREAM.artistFaults),
      tracks: new Random(this.seed, STREAM.trackFaults),
    };
  }

  async run(): Promise<void> {
    await this.artists();
    await this.albums();
    if (this.share > 0) {
      const id = (kind: 'artist' | 'track') => spotifyId(this.seed, kind, UNKNOWN_INDEX_BASE - 1);
      this.write(
        'artists',
        unterminatedRecord('artists', () => id('artist')),
        'malformed_row',
      );
      this.write(
        'tracks',
        unterminatedRecord('tracks', () => id('track')),
        'malformed_row',
      );
    }
  }

  private write(source: SourceName, record: string, outcome: Outcome): void {
    this.writers[source].append(record);
    this.tally.add(source, outcome);
  }

  private async flushFull(): Promise<void> {
    for (const source of SOURCE_NAMES) if (this.writers[source].full) await this.writers[source].flush();
  }

  private fault(source: SourceName, faults: readonly Fault[]): Fault | undefined {
    const rng = this.faultRng[source];
    return rng.chance(this.share) ? rng.pick(faults) : undefined;
  }

  /**
   * One dimension row (artist or track) with its faults. Returns whether the entity ends up accepted:
   * when its only row is malformed or bad, album rows naming it are unknown_artist / unknown_track.
   */
  private dimensionRow(source: 'artists' | 'tracks', cells: string[]): boolean {
    const rng = this.faultRng[source];
    const fault = this.fault(source, DIMENSION_FAULTS);
    switch (fault) {
      case 'malformed_row':
        this.write(source, malformedRecord(source, cells, rng), 'malformed_row');
        return false;
      case 'bad_value':
        this.write(source, recordOf(badValueCells(source, cells, rng)), 'bad_value');
        return false;
      case 'bad_twice': {
        const bad = recordOf(badValueCells(source, cells, rng));
        this.write(source, bad, 'bad_value');
        this.write(source, bad, 'bad_value');
        return false;
      }
      case 'corrected':
        this.write(source, recordOf(badValueCells(source, cells, rng)), 'bad_value');
        break;
    }
    const line = recordOf(cells);
    this.write(source, line, 'accepted');
    this.recent[source].add(cells, line);
    if (fault === 'duplicate_row' || fault === 'duplicate_key') {
      const copy = this.recent[source].duplicate(source, rng, fault === 'duplicate_key');
      this.write(source, copy.line, copy.outcome);
    }
    return true;
  }

  private async artists(): Promise<void> {
    const rng = new Random(this.seed, STREAM.artists);
    for (let index = 0; index < this.artistCount; index++) {
      this.acceptedArtists.set(index, this.dimensionRow('artists', artistCells(this.seed, index, rng)));
      if (this.writers.artists.full) await this.writers.artists.flush();
    }
  }

  /** The next new track, computed ahead when an album is named after it. */
  private peekTrack(): Track {
    if (this.peeked?.index !== this.nextTrack)
      this.peeked = { index: this.nextTrack, track: track(this.seed, this.nextTrack) };
    return this.peeked.track;
  }

  /** A new track: its tracks.csv row(s) are written when its first album row is. */
  private newTrack(): { index: number; track: Track } {
    const created = this.peekTrack();
    const index = this.nextTrack++;
    this.acceptedTracks.set(index, this.dimensionRow('tracks', trackCells(created)));
    return { index, track: created };
  }

  private async albums(): Promise<void> {
    const rng = new Random(this.seed, STREAM.albums);
    const faultRng = this.faultRng.albums;
    const unterminated = this.share > 0 && this.albumRows >= 2;
    const target = this.albumRows - (unterminated ? 1 : 0);
    const albums = this.writers.albums;
    let albumIndex = 0;
    let current: Album | undefined;
    let artistIndex = 0;
    let artistId = '';
    let slotsLeft = 0;
    let firstTrackOfAlbum = 0;
    const reusedOnAlbum = new Set<number>();

    while (albums.records < target) {
      if (slotsLeft === 0 || current === undefined) {
        const size = tracksOnAlbum(rng.float(), rng.float());
        // Prolific artists first: a few artists hold many albums, most hold one or none.
        artistIndex = Math.floor(this.artistCount * rng.float() ** 2.5);
        artistId = spotifyId(this.seed, 'artist', artistIndex);
        firstTrackOfAlbum = this.nextTrack;
        current = album(this.seed, albumIndex++, this.peekTrack().title, size === 1, rng);
        slotsLeft = size;
        reusedOnAlbum.clear();
      }
      let fault = this.fault('albums', ALBUM_FAULTS);
      if ((fault === 'bad_twice' || fault === 'corrected') && target - albums.records < 2)
        fault = 'bad_value';
      if ((fault === 'duplicate_row' || fault === 'duplicate_key') && this.recent.albums.empty)
        fault = undefined;

      if (fault === 'duplicate_row' || fault === 'duplicate_key') {
        const copy = this.recent.albums.duplicate('albums', faultRng, fault === 'duplicate_key');
        this.write('albums', copy.line, copy.outcome);
      } else {
        slotsLeft--;
        const artistKnown = this.acceptedArtists.has(artistIndex);
        let slot: { index: number; track: Track };
        let trackKnown: boolean;
        if (fault === 'unknown_track') {
          slot = { index: -1, track: track(this.seed, UNKNOWN_INDEX_BASE + this.unknownTracks++) };
          trackKnown = false;
        } else {
          slot = this.trackForSlot(rng, firstTrackOfAlbum, reusedOnAlbum);
          trackKnown = this.acceptedTracks.has(slot.index);
        }
        const rowArtistId =
          fault === 'unknown_artist'
            ? spotifyId(this.seed, 'artist', UNKNOWN_INDEX_BASE + this.unknownArtists++)
            : artistId;
        const cells = albumRowCells(current, slot.track, rowArtistId);
        if (fault === 'malformed_row') {
          this.write('albums', malformedRecord('albums', cells, faultRng), 'malformed_row');
        } else if (fault === 'bad_value' || fault === 'bad_twice') {
          const bad = recordOf(badValueCells('albums', cells, faultRng));
          this.write('albums', bad, 'bad_value');
          if (fault === 'bad_twice') this.write('albums', bad, 'bad_value');
        } else {
          if (fault === 'corrected') {
            this.write('albums', recordOf(badValueCells('albums', cells, faultRng)), 'bad_value');
          }
          // The rules in QUARANTINE_REASONS order: this row is the first of its key, so only the
          // references can still fail, the artist's first.
          const outcome: Outcome =
            fault === 'unknown_artist' || !artistKnown
              ? 'unknown_artist'
              : trackKnown
                ? 'accepted'
                : 'unknown_track';
          const line = recordOf(cells);
          this.write('albums', line, outcome);
          this.recent.albums.add(cells, line);
        }
      }
      if (albums.full || this.writers.tracks.full) await this.flushFull();
    }
    if (unterminated) {
      const id = (field: string) =>
        spotifyId(
          this.seed,
          field === 'artist_id' ? 'artist' : field === 'album_id' ? 'album' : 'track',
          UNKNOWN_INDEX_BASE - 1,
        );
      this.write('albums', unterminatedRecord('albums', id), 'malformed_row');
    }
  }

  /** The track of an album row: usually a new one, sometimes one released on an earlier album. */
  private trackForSlot(
    rng: Random,
    firstTrackOfAlbum: number,
    reusedOnAlbum: Set<number>,
  ): { index: number; track: Track } {
    if (firstTrackOfAlbum > 0 && rng.chance(TRACK_REUSE_SHARE)) {
      // Only tracks of earlier albums, and each once per album: a second copy would be a duplicate key.
      const index = rng.int(firstTrackOfAlbum);
      if (!reusedOnAlbum.has(index)) {
        reusedOnAlbum.add(index);
        return { index, track: track(this.seed, index) };
      }
    }
    return this.newTrack();
  }
}
