import type { ResultColumn } from '../define/columns';

type Row = Readonly<Record<string, unknown>>;

/** JSON has no bigint: a safe one becomes a number, a larger one a string so no digit is lost. */
export function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

export function formatJson(rows: readonly Row[]): string {
  return `${JSON.stringify(rows, (_key, value) => jsonValue(value), 2)}\n`;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; NULL is an empty field. */
export function csvField(value: unknown): string {
  const s = text(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(columns: readonly ResultColumn[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.name])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const NUMERIC = new Set(['int', 'bigint', 'double']);

/** An aligned text table; numbers align right, NULL shows as `NULL`. */
export function formatTable(columns: readonly ResultColumn[], rows: readonly Row[]): string {
  const cells = rows.map((row) =>
    columns.map((c) => {
      const value = row[c.name];
      return value === null || value === undefined ? 'NULL' : String(value).replace(/[\r\n\t]/g, ' ');
    }),
  );
  const widths = columns.map((c, i) => Math.max([...c.name].length, ...cells.map((r) => [...r[i]!].length)));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - [...s].length);
    return NUMERIC.has(columns[i]!.type) ? fill + s : s + fill;
  };
  const lines = [
    columns.map((c, i) => pad(c.name, i)).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map((r) => r.map(pad).join('  ')),
  ];
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}
