import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_RULES } from '../src/csv-rules';

const ARCHITECTURE = join(__dirname, '..', '..', '..', 'docs', 'architecture.md');

describe('the CSV rules', () => {
  it('say how each is followed, and are the rules docs/architecture.md states', () => {
    const docs = readFileSync(ARCHITECTURE, 'utf8');
    for (const { rule, enforcedBy } of CSV_RULES) {
      expect(enforcedBy.length, rule).toBeGreaterThan(0);
      expect(docs, `docs/architecture.md states: ${rule}`).toContain(rule);
    }
  });
});
