import { describe, expect, it } from 'vitest';
import { QUARANTINE_COLUMNS, QUARANTINE_REASON_DESCRIPTIONS, QUARANTINE_REASONS } from '../src/quarantine';
import { SOURCE_NAMES, SOURCES } from '../src/sources';

describe('quarantine', () => {
  it('keeps every original field of every source once, as text, after the bookkeeping columns', () => {
    const names = QUARANTINE_COLUMNS.map((c) => c.name);
    expect(names.slice(0, 5)).toEqual(['source', 'record', 'reason', 'detail', 'raw_line']);
    expect(new Set(names).size).toBe(names.length);
    for (const source of SOURCE_NAMES) {
      for (const field of SOURCES[source].fields) expect(names).toContain(field.name);
    }
    for (const column of QUARANTINE_COLUMNS.slice(5)) expect(column.type).toBe('string');
  });

  it('describes every reason', () => {
    expect(Object.keys(QUARANTINE_REASON_DESCRIPTIONS)).toEqual([...QUARANTINE_REASONS]);
  });
});
