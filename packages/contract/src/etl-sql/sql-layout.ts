/** Indents lines of SQL. */
export const indent = (lines: string[], by = '  ') => lines.map((line) => by + line);
/** A comma-separated list, one item per line. */
export const list = (items: string[], by = '  ') =>
  items.map((item, i) => `${by}${item}${i < items.length - 1 ? ',' : ''}`);
