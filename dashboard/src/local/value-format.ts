import type { FieldFormat } from '@spotify-lake/bi';

/**
 * Formatting shared by the Node side (Vega-Lite axis formats) and the browser bundle (KPIs, tables, tooltips),
 * so that a format of the spec looks the same in every visual of the local page. No Node or DOM imports.
 */

/** The d3-format string of a number format (what Vega-Lite axes take). */
export function d3NumberFormat(format: FieldFormat | undefined): string | undefined {
  if (format?.kind !== 'number') return undefined;
  if (format.compact) return '.3~s';
  const grouping = format.thousands === false ? '' : ',';
  return format.decimals === undefined ? `${grouping}~f` : `${grouping}.${format.decimals}f`;
}

/** The d3 time format of a date pattern. */
export function d3TimeFormat(format: FieldFormat | undefined): string | undefined {
  if (format?.kind !== 'date') return undefined;
  return { YYYY: '%Y', 'YYYY-MM': '%Y-%m', 'YYYY-MM-DD': '%Y-%m-%d', 'MMM YYYY': '%b %Y' }[format.pattern];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A value as text: numbers by their number format, `YYYY-MM-DD` dates by their pattern, NULL as an em dash. */
export function formatValue(value: unknown, format: FieldFormat | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    const number = format?.kind === 'number' ? format : undefined;
    const text = new Intl.NumberFormat('en-US', {
      notation: number?.compact ? 'compact' : 'standard',
      useGrouping: number?.thousands !== false,
      minimumFractionDigits: number?.decimals ?? 0,
      maximumFractionDigits: number?.decimals ?? (number?.compact ? 1 : 2),
    }).format(value);
    return `${number?.prefix ?? ''}${text}${number?.suffix ?? ''}`;
  }
  const text = String(value);
  if (format?.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (format.pattern === 'YYYY') return text.slice(0, 4);
    if (format.pattern === 'YYYY-MM') return text.slice(0, 7);
    if (format.pattern === 'MMM YYYY') return `${MONTHS[Number(text.slice(5, 7)) - 1]} ${text.slice(0, 4)}`;
  }
  return text;
}
