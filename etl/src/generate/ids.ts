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

const THREE_DIGITS = 62 ** 3;
let triples: string[] | undefined;

/** All 238,328 three-character base62 strings (~6 MB, built on first use): an id is 7 lookups. */
function base62Triples(): string[] {
  if (!triples) {
    triples = new Array<string>(THREE_DIGITS);
    for (let i = 0; i < THREE_DIGITS; i++) {
      triples[i] = `${BASE62[i % 62]}${BASE62[Math.floor(i / 62) % 62]}${BASE62[Math.floor(i / 3844)]}`;
    }
  }
  return triples;
}

/**
 * A Spotify-style id for the `index`-th entity of a kind. Six of its characters encode a keyed
 * permutation of the index (62^6 > 2^32), so two indexes of one kind never share an id; the other
 * sixteen are hash noise so the ids look like real ones. Pure: recomputing it costs no memory.
 */
export function spotifyId(seed: number, kind: IdKind, index: number): string {
  const t = base62Triples();
  const key = mix32(seed ^ Math.imul(ID_KIND[kind], 0x9e3779b9));
  const unique = permute32(index, key);
  const h1 = mix32(unique ^ key);
  const h2 = mix32(h1 ^ 0x68e31da4);
  const h3 = mix32(h2 ^ 0xb5297a4d);
  // Groups of three digits; the two holding `unique` together encode it exactly (62^6 > 2^32).
  return (
    (BASE62[h3 >>> 29] as string) +
    t[h1 % THREE_DIGITS] +
    t[Math.floor(h1 / THREE_DIGITS) % THREE_DIGITS] +
    t[unique % THREE_DIGITS] +
    t[Math.floor(unique / THREE_DIGITS)] +
    t[h2 % THREE_DIGITS] +
    t[Math.floor(h2 / THREE_DIGITS) % THREE_DIGITS] +
    t[h3 % THREE_DIGITS]
  );
}
