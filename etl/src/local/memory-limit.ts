/** DuckDB's size syntax, e.g. `512MB`, `1.5GiB`: decimal (KB, MB, ...) or binary (KiB, MiB, ...) units. */
const MEMORY_LIMIT = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

const UNIT_BYTES: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40,
};

/** The bytes a memory limit in DuckDB's syntax names, or undefined when it is not in that syntax. */
export function memoryLimitBytes(value: string): number | undefined {
  const match = MEMORY_LIMIT.exec(value.trim());
  return match ? Number(match[1]) * UNIT_BYTES[match[2]!.toUpperCase()]! : undefined;
}

/** Whether a memory limit is in DuckDB's size syntax, e.g. `512MB`, `1.5GiB`. */
export const isMemoryLimit = (value: string): boolean => memoryLimitBytes(value) !== undefined;
