/** Every Action of a policy document (string or list), statement by statement. */
export function policyActions(document: unknown): string[] {
  const statements = (document as { Statement: { Action?: string | string[]; NotAction?: unknown }[] })
    .Statement;
  return statements.flatMap((s) => {
    if (s.NotAction !== undefined) throw new Error('NotAction grants everything else: not allowed');
    return Array.isArray(s.Action) ? s.Action : [s.Action ?? ''];
  });
}

/** Actions that grant a whole service or everything: `*`, `s3:*`. */
export function wildcardActions(document: unknown): string[] {
  return policyActions(document).filter((action) => action === '*' || /^[a-z0-9-]+:\*$/i.test(action));
}
