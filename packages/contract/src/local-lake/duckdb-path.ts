/**
 * A file path as a DuckDB string literal that DuckDB reads as that one file. DuckDB treats the path given to
 * `read_csv`/`read_parquet` as a glob: a lake at `lake[1]` would read `lake1`'s files and `lake*` its siblings'.
 * Each glob character is put in a bracket class of its own (`[` becomes `[[]`), which matches only itself.
 */
export function duckDbFileLiteral(path: string): string {
  // With a backslash in the path DuckDB's glob escapes nothing reliably (measured on DuckDB 1.5): refuse the
  // one combination it cannot read literally rather than read something else.
  if (path.includes('\\') && /[[\]*?]/.test(path)) {
    throw new UnreadablePathError(path);
  }
  const literal = path.replace(/[[\]*?]/g, (c) => `[${c}]`);
  return `'${literal.replaceAll("'", "''")}'`;
}

/** A path DuckDB cannot be told to read literally: it holds a backslash and a glob character. */
export class UnreadablePathError extends Error {
  constructor(readonly path: string) {
    super(
      `${path}: DuckDB cannot read a path that holds both a backslash and one of [ ] * ? literally; rename the folder`,
    );
    this.name = 'UnreadablePathError';
  }
}
