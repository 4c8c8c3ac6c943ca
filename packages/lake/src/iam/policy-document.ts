/** Condition block of an IAM statement: operator -> condition key -> value(s). */
export type PolicyCondition = Record<string, Record<string, string | string[]>>;

/** Who a resource policy statement applies to. Identity policies (attached to a role) have none. */
export type PolicyPrincipal = '*' | { AWS?: string | string[]; Service?: string | string[] };

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PolicyPrincipal;
  Action: string[];
  Resource: string | string[];
  Condition?: PolicyCondition;
}

/** A plain IAM policy document, ready for `JSON.stringify`. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** Wraps statements in a document; Sids must be unique because IAM rejects duplicates in one policy. */
export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  const seen = new Set<string>();
  for (const statement of statements) {
    if (seen.has(statement.Sid)) {
      throw new Error(`policy document: duplicate statement Sid "${statement.Sid}"`);
    }
    seen.add(statement.Sid);
  }
  return { Version: '2012-10-17', Statement: [...statements] };
}

/** Merges documents into one (for example a read and a write grant attached as a single role policy). */
export function mergePolicyDocuments(...documents: readonly PolicyDocument[]): PolicyDocument {
  return policyDocument(documents.flatMap((document) => document.Statement));
}

/** Sid fragments must be alphanumeric; zone prefixes such as `staging/albums/` are not. */
export function sidFragment(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
