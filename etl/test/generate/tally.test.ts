import { QUARANTINE_REASONS } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { OutcomeTally } from '../../src/generate/tally';

describe('OutcomeTally', () => {
  it('counts outcomes per source, with every reason present', () => {
    const tally = new OutcomeTally();
    tally.add('albums', 'accepted');
    tally.add('albums', 'accepted');
    tally.add('albums', 'unknown_track');
    tally.add('tracks', 'bad_value');
    const result = tally.result();
    expect(result.accepted).toEqual({ albums: 2, artists: 0, tracks: 0 });
    expect(result.warehouseRows).toBe(2);
    expect(Object.keys(result.quarantined.artists)).toEqual([...QUARANTINE_REASONS]);
    expect(result.quarantined.albums.unknown_track).toBe(1);
    expect(result.quarantined.tracks.bad_value).toBe(1);
    expect([tally.rows('albums'), tally.rows('artists'), tally.rows('tracks')]).toEqual([3, 0, 1]);
  });
});
