import { csvField } from './csv-writer';
import {
  ALBUM_POPULARITY,
  ARTIST_POPULARITY,
  DURATION_MS,
  FOLLOWERS,
  RELEASE_YEAR,
  TRACK_POPULARITY,
} from './distributions';
import { fieldPositions } from './fields';
import { spotifyId } from './ids';
import { Random } from './random';
import { albumTitle, artistName, genre, recordLabel, trackTitle } from './vocabulary';

/*
 * Rows are built as "cells": field values already CSV-encoded (csvField), in the contract's field
 * order. Text is encoded once per entity rather than once per row that shows it.
 */

/** Independent random streams, one per purpose, so one part's draws never shift another's. */
export const STREAM = {
  artists: 1,
  track: 2,
  albums: 3,
  artistFaults: 4,
  trackFaults: 5,
  albumFaults: 6,
} as const;

/** A track as every album row that carries it shows it: a pure function of the seed and its index. */
export interface Track {
  readonly id: string;
  readonly title: string;
  readonly titleCell: string;
  readonly durationMs: number;
  readonly popularity: number;
}

const trackRng = new Random(0);

export function track(seed: number, index: number): Track {
  const rng = trackRng.reseed(seed, STREAM.track, index);
  const title = trackTitle(rng);
  return {
    id: spotifyId(seed, 'track', index),
    title,
    titleCell: csvField(title),
    durationMs: Math.round(DURATION_MS.at(rng.float())),
    popularity: TRACK_POPULARITY.intAt(rng.float()),
  };
}

/** The decimal point and the zeros that lead the fraction, by their count. */
const POINT_AND_ZEROS = ['.', '.0', '.00'];

/**
 * `duration_sec` as the source writes it: the exact decimal of ms / 1000 (269960 -> 269.96), i.e.
 * `String(ms / 1000)` for whole non-negative ms, built with integer arithmetic because number-to-string
 * conversion was the generator's single largest cost.
 */
export function durationSec(durationMs: number): string {
  const seconds = Math.floor(durationMs / 1000);
  let millis = durationMs - seconds * 1000;
  if (millis === 0) return String(seconds);
  let digits = 3;
  while (millis % 10 === 0) {
    millis /= 10;
    digits--;
  }
  const text = String(millis);
  return `${seconds}${POINT_AND_ZEROS[digits - text.length]}${text}`;
}

const ARTIST = fieldPositions('artists');
const ALBUM = fieldPositions('albums');
const TRACK = fieldPositions('tracks');
const ARTIST_WIDTH = Object.keys(ARTIST).length;
const ALBUM_WIDTH = Object.keys(ALBUM).length;
const TRACK_WIDTH = Object.keys(TRACK).length;

/** Folds a value in (-1, 2) back into [0, 1) by reflection at 0 and 1. */
export function reflectIntoUnit(value: number): number {
  const folded = value < 0 ? -value : value >= 1 ? 2 - value : value;
  return Math.min(folded, 0.999_999);
}

/** An artist row's cells. */
export function artistCells(seed: number, index: number, rng: Random): string[] {
  const u = rng.float();
  // Followers follow popularity, with noise: famous artists have many followers.
  // Reflected at the ends rather than clamped: clamping piles artists onto the exact maximum.
  const noisy = reflectIntoUnit(u + (rng.float() - 0.5) * 0.2);
  const cells = new Array<string>(ARTIST_WIDTH);
  cells[ARTIST.id as number] = spotifyId(seed, 'artist', index);
  cells[ARTIST.name as number] = csvField(artistName(rng));
  cells[ARTIST.artist_popularity as number] = String(ARTIST_POPULARITY.intAt(u));
  cells[ARTIST.followers as number] = String(FOLLOWERS.intAt(noisy));
  cells[ARTIST.genre as number] = csvField(genre(rng));
  return cells;
}

/** A tracks.csv row's cells. */
export function trackCells(t: Track): string[] {
  const cells = new Array<string>(TRACK_WIDTH);
  cells[TRACK.track_id as number] = t.id;
  cells[TRACK.track_popularity as number] = String(t.popularity);
  return cells;
}

/** What the rows of one album share, as cells. */
export interface Album {
  readonly id: string;
  readonly titleCell: string;
  readonly releaseDate: string;
  readonly labelCell: string;
  readonly popularity: string;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Mostly `2016-11-10 00:00:00 UTC` like the real file, sometimes the year or month precision Spotify uses. */
export function releaseDate(rng: Random): string {
  const year = Math.floor(RELEASE_YEAR.at(rng.float()));
  const month = rng.between(1, 12);
  const precision = rng.float();
  if (precision < 0.02) return String(year);
  if (precision < 0.03) return `${year}-${pad2(month)}`;
  return `${year}-${pad2(month)}-${pad2(rng.between(1, 28))} 00:00:00 UTC`;
}

export function album(
  seed: number,
  index: number,
  leadTrackTitle: string,
  single: boolean,
  rng: Random,
): Album {
  return {
    id: spotifyId(seed, 'album', index),
    titleCell: csvField(albumTitle(rng, leadTrackTitle, single)),
    releaseDate: releaseDate(rng),
    labelCell: csvField(recordLabel(rng)),
    popularity: String(ALBUM_POPULARITY.intAt(rng.float())),
  };
}

/** An album row's cells. */
export function albumRowCells(a: Album, t: Track, artistId: string): string[] {
  const cells = new Array<string>(ALBUM_WIDTH);
  cells[ALBUM.track_name as number] = t.titleCell;
  cells[ALBUM.track_id as number] = t.id;
  cells[ALBUM.duration_ms as number] = String(t.durationMs);
  cells[ALBUM.album_name as number] = a.titleCell;
  cells[ALBUM.release_date as number] = a.releaseDate;
  cells[ALBUM.label as number] = a.labelCell;
  cells[ALBUM.album_popularity as number] = a.popularity;
  cells[ALBUM.album_id as number] = a.id;
  cells[ALBUM.artist_id as number] = artistId;
  cells[ALBUM.duration_sec as number] = durationSec(t.durationMs);
  return cells;
}
