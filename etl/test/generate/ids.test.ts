import { describe, expect, it } from 'vitest';
import { SPOTIFY_ID_LENGTH, SPOTIFY_ID_PATTERN, spotifyId, UNKNOWN_INDEX_BASE } from '../../src/generate/ids';

describe('spotifyId', () => {
  it('looks like a Spotify id: 22 base62 characters, the first 0-7', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => spotifyId(42, 'track', i));
    expect(ids.filter((id) => id.length !== SPOTIFY_ID_LENGTH || !SPOTIFY_ID_PATTERN.test(id))).toEqual([]);
    // The real sample's ids match the same pattern.
    expect('7240AIjDHvQmt5om9tUHuL').toMatch(SPOTIFY_ID_PATTERN);
  });

  it('is unique per index within a kind, including the reserved unknown range', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 300_000; i++) ids.add(spotifyId(42, 'album', i));
    for (let i = 0; i < 1000; i++) ids.add(spotifyId(42, 'album', UNKNOWN_INDEX_BASE + i));
    expect(ids.size).toBe(301_000);
  });

  it('is pure, and differs by seed and kind', () => {
    expect(spotifyId(42, 'artist', 9)).toBe(spotifyId(42, 'artist', 9));
    expect(spotifyId(43, 'artist', 9)).not.toBe(spotifyId(42, 'artist', 9));
    expect(spotifyId(42, 'track', 9)).not.toBe(spotifyId(42, 'artist', 9));
  });

  it('spreads characters over the whole alphabet', () => {
    const chars = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const c of spotifyId(1, 'track', i).slice(1)) chars.add(c);
    expect(chars.size).toBe(62);
  });
});
