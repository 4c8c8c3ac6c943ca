import { SOURCE_NAMES, SOURCES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import { badValue, checkedFields, fieldPositions, header } from '../../src/generate/fields';
import { Random } from '../../src/generate/random';
import { passesRule } from './contract-rules';

describe('contract-driven fields', () => {
  it('takes headers and positions from the contract', () => {
    for (const source of SOURCE_NAMES) {
      expect(header(source)).toEqual(SOURCES[source].fields.map((f) => f.name));
      expect(Object.keys(fieldPositions(source))).toEqual(header(source));
      expect(checkedFields(source).every((f) => f.required)).toBe(true);
    }
    expect(header('albums')[0]).toBe('track_name');
  });

  it('plants only values that break the field rule, and every way to break it', () => {
    const rng = new Random(3);
    for (const source of SOURCE_NAMES) {
      for (const field of checkedFields(source)) {
        const seen = new Set<string>();
        for (let i = 0; i < 300; i++) {
          const value = badValue(field, rng);
          expect(passesRule(field, value), `${source}.${field.name} = ${JSON.stringify(value)}`).toBe(false);
          seen.add(
            value === '' ? 'empty' : /^-[0-9]+$/.test(value) && field.min !== undefined ? 'below' : value,
          );
        }
        expect(seen.has('empty')).toBe(true);
        if (field.min !== undefined) expect(seen.has('below')).toBe(true);
        if (field.max !== undefined)
          expect([...seen].some((v) => /^[0-9]+$/.test(v) && Number(v) > field.max!)).toBe(true);
      }
    }
  });
});
