/**
 * A file path as a DuckDB string literal that DuckDB reads as that one file. DuckDB treats the path given to
 * `read_csv`/`read_parquet` as a glob: a lake at `lake[1]` would read `lake1`'s files and `lake*` its siblings'.
 * Each glob character is put in a bracket class of its own (`[` becomes `[[]`), which matches only itself.
 */
export function duckDbFileLiteral(path: string): string {
  const literal = path.replace(/[[\]*?]/g, (c) => `[${c}]`);
  return `'${literal.replaceAll("'", "''")}'`;
}
