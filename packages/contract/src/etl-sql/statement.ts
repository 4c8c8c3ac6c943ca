/** One statement of the ETL SQL. */
export interface EtlStatement {
  /** View or table the engine registers the result as. */
  readonly name: string;
  readonly sql: string;
  /**
   * Compute the result once and keep it (a temp table on DuckDB, a cached view on Spark) rather than
   * recompute it for every reader. Set for results that several later statements read and that are
   * expensive to recompute: the typed rows (`checked_*`), the duplicate ranks (small, but each is a
   * GROUP BY over every row) and the unresolved fact rows (small, but a join over every row). Every
   * other statement streams into its reader; the wide fact rows are never copied after the typing.
   */
  readonly materialize: boolean;
}
