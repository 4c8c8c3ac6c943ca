/**
 * Enough of EventBridge's pattern matching for the patterns of this package: a pattern field is a list of allowed
 * values (any may match; for an array field, any element), `{ prefix }` and `{ "anything-but": [...] }` entries,
 * or a nested pattern object. A field the event lacks never matches.
 */
export function matchesPattern(pattern: Record<string, unknown>, event: unknown): boolean {
  if (event === null || typeof event !== 'object') return false;
  const record = event as Record<string, unknown>;
  return Object.entries(pattern).every(([field, rule]) => {
    if (!(field in record)) return false;
    const value = record[field];
    if (Array.isArray(rule)) {
      const values = Array.isArray(value) ? value : [value];
      return values.some((v) => rule.some((allowed) => matchesValue(allowed, v)));
    }
    if (rule !== null && typeof rule === 'object')
      return matchesPattern(rule as Record<string, unknown>, value);
    throw new Error(`event pattern field ${field} must be a list or an object`);
  });
}

function matchesValue(allowed: unknown, value: unknown): boolean {
  if (allowed !== null && typeof allowed === 'object') {
    const [operator, operand] = Object.entries(allowed as Record<string, unknown>)[0]!;
    if (operator === 'prefix') return typeof value === 'string' && value.startsWith(operand as string);
    if (operator === 'anything-but') return !(operand as unknown[]).includes(value);
    throw new Error(`event pattern operator ${operator} is not simulated`);
  }
  return allowed === value;
}

/** The value at an input-transformer path such as `$.detail.context.jobName`, or undefined. */
export function atPath(event: unknown, path: string): unknown {
  if (!path.startsWith('$.')) throw new Error(`input path ${path} must start with $.`);
  return path
    .slice(2)
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], event);
}
