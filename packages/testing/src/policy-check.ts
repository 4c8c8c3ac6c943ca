/** What the check needs of a recorded resource; each package's Pulumi mocks record at least this. */
export interface ResourceWithInputs {
  name: string;
  inputs: unknown;
}

export interface PolicyViolation {
  resource: string;
  sid: string;
  problem: string;
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Every IAM-style document found in a resource's inputs (policies are JSON strings). */
export function policyDocumentsIn(inputs: unknown): { Statement: Statement[] }[] {
  const found: { Statement: Statement[] }[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string' && value.includes('"Statement"')) {
      try {
        visit(JSON.parse(value));
      } catch {
        // Not JSON: not a policy.
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (Array.isArray(record.Statement)) found.push(record as { Statement: Statement[] });
      else Object.values(record).forEach(visit);
    }
  };
  visit(inputs);
  return found;
}

const WILDCARD_ACTION = /^(\*|[a-z0-9-]+:\*)$/i;

/**
 * Least-privilege check over a whole resource graph: no statement may allow `*` or `service:*`, use `NotAction`,
 * or allow an S3 action on resource `*`. Deny statements may use `s3:*`: a deny has to cover every action.
 */
export function wildcardViolations(resources: readonly ResourceWithInputs[]): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  for (const resource of resources) {
    for (const document of policyDocumentsIn(resource.inputs)) {
      for (const statement of document.Statement) {
        const sid = statement.Sid ?? '(no Sid)';
        const report = (problem: string) => violations.push({ resource: resource.name, sid, problem });
        if (statement.NotAction !== undefined) report('uses NotAction');
        if (statement.Effect !== 'Allow') continue;
        const actions = asList(statement.Action);
        for (const action of actions.filter((a) => WILDCARD_ACTION.test(a))) report(`allows ${action}`);
        const s3Action = actions.some((a) => a.startsWith('s3:'));
        if (s3Action && asList(statement.Resource).includes('*')) report('allows S3 actions on resource *');
      }
    }
  }
  return violations;
}
