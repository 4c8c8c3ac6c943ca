/**
 * Rejects keys a caller may have misspelt (`lifecycle.stagin`), which TypeScript misses for JavaScript callers and
 * for objects built from configuration, and which would otherwise be ignored silently.
 */
export function assertKnownKeys(
  owner: string,
  where: string,
  value: object,
  allowed: readonly string[],
): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `${owner}: unknown ${where} ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected ${allowed.join(', ')}`,
    );
  }
}
