import { describe, expect, it } from 'vitest';
import { isMemoryLimit, memoryLimitBytes } from '../../src/local/memory-limit';
import { sparkMemory } from '../../src/spark/run-spark';

describe('memory limits in DuckDB syntax', () => {
  it('reads decimal and binary units, case-insensitively, with spaces around', () => {
    expect(memoryLimitBytes('1.25GB')).toBe(1.25e9);
    expect(memoryLimitBytes(' 512 mib ')).toBe(512 * 2 ** 20);
    expect(memoryLimitBytes('100B')).toBe(100);
    expect(isMemoryLimit('2TiB')).toBe(true);
  });

  it('refuses anything else', () => {
    for (const text of ['', '1', 'GB', '-1GB', '1.GB', '1 G', '1e3MB', '2 GB of RAM']) {
      expect(isMemoryLimit(text), text).toBe(false);
    }
  });

  it("gives Spark's size syntax in whole MiB, at least 512", () => {
    expect(sparkMemory('2GiB')).toBe('2048m');
    expect(sparkMemory('2GB')).toBe('1907m');
    expect(() => sparkMemory('256MB')).toThrow(
      'runEtl: memoryLimit must be at least 512MB for Spark, got "256MB"',
    );
    expect(() => sparkMemory('lots')).toThrow('runEtl: memoryLimit must look like 512MB or 2GB, got "lots"');
  });
});
