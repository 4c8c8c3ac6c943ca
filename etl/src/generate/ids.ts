import { mix32, permute32 } from './random';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SPOTIFY_ID_LENGTH = 22;
/** Spotify ids are base62 renderings of 128-bit numbers, so they start with 0-7 (62^22 > 2^128). */
export const SPOTIFY_ID_PATTERN = /^[0-7][0-9A-Za-z]{21}$/;

/** Id namespaces: each kind of entity draws its ids from its own keyed permutation. */
export const ID_KIND = { artist: 1, album: 2, track: 3 } as const;
export type IdKind = keyof typeof ID_KIND;
/**
 * Indexes from here on are never generated as entities: ids drawn from them are guaranteed to be
 * unknown (an album row naming an artist or track that does not exist).
 */
export const UNKNOWN_INDEX_BASE = 0xf000_0000;

const BASE62_CODES = Array.from(BASE62, (c) => c.charCodeAt(0));
const FIVE_DIGITS = 62 ** 5;
/** Scratch space for one id's character codes (ids are built one at a time). */
const codes = new Array<number>(SPOTIFY_ID_LENGTH).fill(0);

function putBase62(at: number, value: number, digits: number): number {
  let rest = value;
  for (let i = 0; i < digits; i++) {
    codes[at + i] = BASE62_CODES[rest % 62] as number;
    rest = Math.floor(rest / 62);
  }
  return at + digits;
}

/**
 * A Spotify-style id for the `index`-th entity of a kind. Six of its characters encode a keyed
 * permutation of the index (62^6 > 2^32), so two indexes of one kind never share an id; the other
 * sixteen are hash noise so the ids look like real ones. Pure: recomputing it costs no memory.
 */
export function spotifyId(seed: number, kind: IdKind, index: number): string {
  const key = mix32(seed ^ Math.imul(ID_KIND[kind], 0x9e3779b9));
  const unique = permute32(index, key);
  const h1 = mix32(unique ^ key);
  const h2 = mix32(h1 ^ 0x68e31da4);
  const h3 = mix32(h2 ^ 0xb5297a4d);
  codes[0] = BASE62_CODES[h3 >>> 29] as number;
  let at = putBase62(1, h1 % FIVE_DIGITS, 5);
  at = putBase62(at, unique, 6);
  at = putBase62(at, h2 % FIVE_DIGITS, 5);
  putBase62(at, h3 % FIVE_DIGITS, 5);
  return String.fromCharCode.apply(null, codes);
}
