import { DuckDBInstance } from '@duckdb/node-api';

/** The DuckDB settings every baseline is given, the ETL's own: threads, memory limit and where to spill. */
export interface DuckDbSettings {
  readonly threads: number;
  /** DuckDB `memory_limit`, e.g. `1.25GB`. */
  readonly memoryLimit: string;
  readonly tempDirectory: string;
}

export interface BenchDuckDb {
  /** Runs a statement for its effect. */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its rows as plain JS values. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

/**
 * An in-memory DuckDB opened as the ETL's local runner opens its own (etl/src/local/duckdb-session.ts): the
 * same threads, memory limit and spill folder, insertion order kept, the allocator flushed after 16MB with its
 * background threads, progress tracked but not printed. So a baseline differs from the ETL only in what it runs.
 */
export async function openDuckDb(settings: DuckDbSettings): Promise<BenchDuckDb> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(settings.threads),
    memory_limit: settings.memoryLimit,
    temp_directory: settings.tempDirectory,
    preserve_insertion_order: 'true',
    enable_external_access: 'true',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allocator_flush_threshold: '16MB',
    allocator_background_threads: 'true',
  });
  const connection = await instance.connect().catch((error: unknown) => {
    instance.closeSync();
    throw error;
  });
  for (const sql of ['SET enable_progress_bar = true', 'SET enable_progress_bar_print = false']) {
    await connection.run(sql);
  }
  return {
    run: async (sql) => {
      await connection.run(sql);
    },
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A DuckDB string literal. */
export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A DuckDB identifier, quoted so that any header text is safe. */
export const sqlIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;
