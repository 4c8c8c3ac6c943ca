/** A request as a resource policy sees it: the action, the resource ARN and the condition keys it carries. */
export interface SimulatedRequest {
  action: string;
  resource: string;
  /** Condition keys present in the request (`aws:SecureTransport`, `s3:x-amz-server-side-encryption`, ...). */
  context: Record<string, string>;
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** IAM wildcard match: `*` any run of characters, `?` one character, case-sensitive. */
function wildcardMatch(pattern: string, value: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}

/** One condition operator over one key, as IAM evaluates it (any listed value may match). */
function conditionHolds(
  operator: string,
  key: string,
  values: string[],
  context: Record<string, string>,
): boolean {
  const actual = context[key];
  switch (operator) {
    case 'Null':
      return values.some((v) => (v === 'true') === (actual === undefined));
    case 'StringEquals':
      return actual !== undefined && values.includes(actual);
    case 'StringNotEquals':
      // Negated operators are true when the key is missing.
      return actual === undefined || !values.includes(actual);
    case 'StringLike':
    case 'ArnLike':
      return actual !== undefined && values.some((v) => wildcardMatch(v, actual));
    case 'Bool':
      return actual !== undefined && values.includes(actual);
    case 'NumericLessThan':
      return actual !== undefined && values.some((v) => Number(actual) < Number(v));
    default:
      throw new Error(`policy evaluation: condition operator ${operator} is not simulated`);
  }
}

function statementApplies(statement: Statement, request: SimulatedRequest): boolean {
  const actionMatches = asList(statement.Action).some((a) => wildcardMatch(a, request.action));
  const resourceMatches = asList(statement.Resource).some((r) => wildcardMatch(r, request.resource));
  if (!actionMatches || !resourceMatches) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) =>
      conditionHolds(operator, key, asList(values), request.context),
    ),
  );
}

/**
 * The Sids of the Deny statements of a resource policy that apply to a request: empty means the policy lets the
 * request through to IAM. Enough of IAM's evaluation to check a bucket policy's guards against the requests real
 * clients send (which headers they set), without an AWS account.
 */
export function explicitDenies(
  document: { Statement: readonly object[] },
  request: SimulatedRequest,
): string[] {
  // Typed loosely so that policy literals and typed documents alike are accepted; statements are read as JSON.
  const statements = document.Statement as readonly Statement[];
  return statements
    .filter((s) => s.Effect === 'Deny' && statementApplies(s, request))
    .map((s) => s.Sid ?? '(no Sid)');
}
