import * as pulumi from '@pulumi/pulumi';

const prefix = (owner: string) => (owner === '' ? '' : `${owner}: `);

/**
 * Rejects keys a caller may have misspelt (`lifecycle.stagin`): TypeScript misses them for JavaScript callers and
 * for objects built from configuration, and they would otherwise be ignored silently.
 * `owner` names the component (`DataLake "spotify"`; empty when the caller prefixes its errors itself), `where`
 * the object (`argument`, `crawler option`).
 */
export function assertKnownKeys(
  owner: string,
  where: string,
  value: object,
  allowed: readonly string[],
): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    const near = unknown
      .map((key) => [key, allowed.find((a) => a.toLowerCase() === key.toLowerCase())] as const)
      .filter(([, match]) => match !== undefined)
      .map(([key, match]) => ` (${JSON.stringify(key)}: did you mean ${JSON.stringify(match)}?)`)
      .join('');
    throw new Error(
      `${prefix(owner)}unknown ${where} ${unknown.map((k) => JSON.stringify(k)).join(', ')}${near}; expected ${allowed.join(', ')}`,
    );
  }
}

/**
 * Checks a component's `transform` arg: an object whose keys name its children and whose values are hooks
 * (an object merged over the args, or a function).
 */
export function assertTransformHooks(owner: string, transform: unknown, children: readonly string[]): void {
  if (transform === undefined) return;
  if (typeof transform !== 'object' || transform === null || Array.isArray(transform)) {
    throw new Error(
      `${owner}: transform must be an object of hooks per child (got ${JSON.stringify(transform)})`,
    );
  }
  assertKnownKeys(owner, 'transform hook', transform, children);
  for (const [child, hook] of Object.entries(transform)) {
    if (hook !== undefined && typeof hook !== 'function' && (typeof hook !== 'object' || hook === null)) {
      throw new Error(
        `${prefix(owner)}transform.${child} must be an object merged over the args or a function (args, opts, name) => void`,
      );
    }
  }
}

/** An Output or a Promise: its value is only known later. */
export const isPending = (value: unknown): boolean =>
  pulumi.Output.isInstance(value) || value instanceof Promise;

/**
 * Checks a value now when it is known, or when it resolves (an Output or a Promise), so that a bad value from
 * stack configuration or another resource fails with the same message, prefixed by `errorPrefix`.
 */
export function checkedInput<T>(
  value: pulumi.Input<T>,
  check: (value: T) => void,
  errorPrefix = '',
): pulumi.Input<T> {
  if (!isPending(value)) {
    check(value as T);
    return value;
  }
  return pulumi.output(value).apply((resolved) => {
    try {
      check(resolved as T);
    } catch (error) {
      throw new Error(errorPrefix + (error as Error).message);
    }
    return resolved;
  }) as pulumi.Input<T>;
}
