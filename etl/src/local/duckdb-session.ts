import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface DuckDbSettings {
  /** Worker threads. */
  readonly threads: number;
  /** DuckDB `memory_limit`, e.g. `1GB`; beyond it DuckDB spills to `tempDirectory`. */
  readonly memoryLimit: string;
  /** Where DuckDB spills; inside the run's temporary folder so a run never leaves files elsewhere. */
  readonly tempDirectory: string;
}

export interface DuckDbSession {
  readonly connection: DuckDBConnection;
  /** Runs a statement for its effect. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its rows as plain JS values (BIGINT as bigint, DATE as `YYYY-MM-DD`-able objects). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** How far the running query is, 0-100, when DuckDB can tell (scans); else undefined. */
  percentDone(): number | undefined;
  close(): void;
}

/**
 * DuckDB's allocator keeps freed memory for reuse, so peak RSS ran well past the memory limit and varied
 * from run to run (10x ETL at 1GB: 1.36 to 1.84 GB). Flushing it after every task that allocated more than
 * this, and purging in a background thread, keeps peak RSS near the limit (1.32 to 1.41 GB at 1GB).
 */
const ALLOCATOR_FLUSH_THRESHOLD = '16MB';

/**
 * An in-memory DuckDB whose tables can spill to disk. Insertion order is preserved because record
 * numbers (`rowid + 1`) must follow file order.
 */
export async function openDuckDb(settings: DuckDbSettings): Promise<DuckDbSession> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(settings.threads),
    memory_limit: settings.memoryLimit,
    temp_directory: settings.tempDirectory,
    preserve_insertion_order: 'true',
    enable_external_access: 'true',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allocator_flush_threshold: ALLOCATOR_FLUSH_THRESHOLD,
    allocator_background_threads: 'true',
  });
  let connection: DuckDBConnection;
  try {
    connection = await instance.connect();
    // Progress is tracked for heartbeats but never printed by DuckDB itself.
    await connection.run('SET enable_progress_bar = true');
    await connection.run('SET enable_progress_bar_print = false');
  } catch (error) {
    instance.closeSync();
    throw error;
  }
  return {
    connection,
    async run(sql) {
      await connection.run(sql);
    },
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    percentDone() {
      const percent = connection.progress.percentage;
      return percent >= 0 ? percent : undefined;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
