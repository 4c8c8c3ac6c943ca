import { SOURCES, type SourceName } from '@spotify-lake/contract';
import { EtlInputError } from './errors';

/** How a file's columns map onto its source's contract fields. */
export interface HeaderMatch {
  /**
   * One entry per column of the file, in file order: the contract field it holds, or undefined for a
   * column the contract does not know (read, then ignored).
   */
  readonly columns: readonly (string | undefined)[];
  /** Header names of the ignored columns, as written in the file. */
  readonly ignored: readonly string[];
}

/** Header names are compared trimmed and case-folded: `Track_ID ` is `track_id`. */
export const normalizeHeaderName = (name: string): string => name.trim().toLowerCase();

/**
 * Matches a header to a source's fields by name, whatever the column order. Every contract field must
 * appear exactly once; columns the contract does not name are ignored and reported.
 */
export function matchHeader(source: SourceName, file: string, header: readonly string[]): HeaderMatch {
  const fields = new Map(SOURCES[source].fields.map((f) => [normalizeHeaderName(f.name), f.name]));
  const positions = new Map<string, number[]>();
  header.forEach((name, position) => {
    const field = fields.get(normalizeHeaderName(name));
    if (field) positions.set(field, [...(positions.get(field) ?? []), position]);
  });

  const missing = SOURCES[source].fields.map((f) => f.name).filter((f) => !positions.has(f));
  if (missing.length > 0) {
    const found = header.map((h) => JSON.stringify(h)).join(', ');
    throw new EtlInputError(
      { file, row: 1, column: missing.join(', ') },
      `required ${missing.length === 1 ? 'column is' : 'columns are'} missing from the header (found: ${found})`,
    );
  }
  for (const [field, at] of positions) {
    if (at.length > 1) {
      const names = at.map((p) => JSON.stringify(header[p])).join(' and ');
      throw new EtlInputError(
        { file, row: 1, column: field },
        `appears ${at.length} times in the header (${names}); a field must have one column`,
      );
    }
  }

  const columns = header.map((name) => fields.get(normalizeHeaderName(name)));
  const ignored = header.filter((_, position) => columns[position] === undefined);
  return { columns, ignored };
}
