import { SOURCES, type SourceName } from '@spotify-lake/contract';
import { csvField, csvValue, recordOf } from './csv-writer';
import { badValue, checkedFields, fieldPositions } from './fields';
import type { Random } from './random';
import type { Outcome } from './tally';

/**
 * The ways the generator damages rows. Each maps to the quarantine reason a correct ETL must give it
 * (see QUARANTINE_REASONS), or to a sequence that exercises a rule's interaction:
 * - `bad_twice`: a bad row written twice stays bad_value twice (a duplicate of a bad row is a bad row);
 * - `corrected`: a bad row followed by its good version: the good one is accepted, since bad rows
 *   never claim a key.
 */
export const DIMENSION_FAULTS = [
  'malformed_row',
  'bad_value',
  'bad_twice',
  'corrected',
  'duplicate_row',
  'duplicate_key',
] as const;
export const ALBUM_FAULTS = [...DIMENSION_FAULTS, 'unknown_artist', 'unknown_track'] as const;
export type Fault = (typeof ALBUM_FAULTS)[number];

/** Plain words with no character that CSV quoting would need. */
const PLAIN = ['Lost', 'Found', 'Broken', 'Record', 'Stray', 'Comma', 'Field', 'Tape'];

/**
 * A record the CSV parser must reject: too few fields (a truncated line), or too many (a text field
 * whose comma the writer forgot to quote, or a stray trailing field).
 */
export function malformedRecord(source: SourceName, cells: readonly string[], rng: Random): string {
  if (cells.length > 1 && rng.chance(0.5)) {
    const truncated = recordOf(cells.slice(0, 1 + rng.int(cells.length - 1)));
    // An empty line is skipped by CSV readers, not rejected: it would vanish from the counts.
    if (truncated !== '\n') return truncated;
  }
  const text = SOURCES[source].fields.flatMap((f, i) => (f.type === 'string' && !f.required ? [i] : []));
  const parts = [...cells];
  // DuckDB accepts a record whose one extra field is an empty last field (a trailing comma) while Spark
  // rejects it: the extra field is never left empty, so both engines agree the record is malformed.
  if (text.length > 0 && parts[parts.length - 1] !== '' && rng.chance(0.6)) {
    parts[rng.pick(text)] = `${rng.pick(PLAIN)}, ${rng.pick(PLAIN)}`;
    return `${parts.join(',')}\n`;
  }
  return `${parts.join(',')},${rng.pick(PLAIN)}\n`;
}

/** The row's cells with one checked field replaced by a value that breaks its rule. */
export function badValueCells(source: SourceName, cells: readonly string[], rng: Random): string[] {
  const field = rng.pick(checkedFields(source));
  const damaged = [...cells];
  damaged[fieldPositions(source)[field.name] as number] = csvField(badValue(field, rng));
  return damaged;
}

/**
 * The same key with different, still valid, values: a re-sent row with a changed measure or name.
 */
export function changedCells(source: SourceName, cells: readonly string[], rng: Random): string[] {
  const spec = SOURCES[source];
  const candidates = spec.fields
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !spec.key.includes(f.name))
    // Scores, counts and names: fields a source re-sends with new values. Durations stay, since
    // duration_sec must remain duration_ms / 1000.
    .filter(
      ({ f }) =>
        f.max !== undefined || f.type === 'bigint' || (f.type === 'string' && f.name.endsWith('name')),
    );
  const { f, i } = rng.pick(candidates);
  const changed = [...cells];
  const current = csvValue(cells[i] as string);
  if (f.type === 'string') {
    changed[i] = csvField(`${current} (Deluxe)`);
  } else if (f.max !== undefined) {
    const min = f.min ?? 0;
    const span = f.max - min + 1;
    changed[i] = String(min + ((Number(current) - min + 1 + rng.int(span - 1)) % span));
  } else {
    changed[i] = String(Number(current) + 1 + rng.int(1000));
  }
  return changed;
}

/**
 * A record whose opening quote is never closed, so it runs to the end of the file: only ever the last
 * record. Its values hold no quote, which would close it.
 */
export function unterminatedRecord(source: SourceName, id: (field: string) => string): string {
  const values = SOURCES[source].fields.map((f) => {
    if (f.type === 'string') return f.required ? id(f.name) : 'Unterminated, quote';
    if (f.type === 'date') return '2020-01-01';
    return f.type === 'double' ? '1.5' : '1';
  });
  return `"${values.join(',')}\n`;
}

/** Recent rows that passed the value rules and were the first of their key: what duplicates copy. */
export class RecentRows {
  // Parallel arrays: one row is added per generated row, so no object is allocated for it.
  private readonly cells: string[][] = [];
  private readonly lines: string[] = [];
  private readonly variants: (Set<string> | undefined)[] = [];
  private next = 0;

  constructor(private readonly size = 64) {}

  add(cells: string[], line: string): void {
    this.cells[this.next] = cells;
    this.lines[this.next] = line;
    this.variants[this.next] = undefined;
    this.next = (this.next + 1) % this.size;
  }

  get empty(): boolean {
    return this.lines.length === 0;
  }

  /**
   * A copy of a recent row (`changed` = false) or a changed re-send of its key, with the reason the ETL
   * must give it: identical to any row already written for the key -> duplicate_row, else duplicate_key.
   */
  duplicate(source: SourceName, rng: Random, changed: boolean): { line: string; outcome: Outcome } {
    if (this.empty) throw new Error('no recent row to duplicate');
    const slot = rng.int(this.lines.length);
    const original = this.lines[slot] as string;
    const line = changed ? recordOf(changedCells(source, this.cells[slot] as string[], rng)) : original;
    let variants = this.variants[slot];
    if (!variants) {
      variants = new Set([original]);
      this.variants[slot] = variants;
    }
    if (variants.has(line)) return { line, outcome: 'duplicate_row' };
    variants.add(line);
    return { line, outcome: 'duplicate_key' };
  }
}
