import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/local/duckdb-session';
import { tempDir } from '../fixtures/helpers';

describe('openDuckDb', () => {
  it('applies threads, memory limit, spill folder, insertion order and the allocator flush', async () => {
    const spill = await tempDir();
    const db = await openDuckDb({ threads: 1, memoryLimit: '300MB', tempDirectory: spill });
    try {
      const [row] = await db.rows(
        `SELECT current_setting('threads') AS threads, current_setting('memory_limit') AS memory,
                current_setting('temp_directory') AS spill, current_setting('preserve_insertion_order') AS ordered,
                current_setting('allocator_flush_threshold') AS flush, current_setting('allocator_background_threads') AS purge`,
      );
      expect(row).toEqual({
        threads: 1n,
        memory: '286.1 MiB',
        spill,
        ordered: true,
        flush: '15.2 MiB',
        purge: true,
      });
    } finally {
      db.close();
    }
  });
});
