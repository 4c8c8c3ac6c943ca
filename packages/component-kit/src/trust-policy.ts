import type * as aws from '@pulumi/aws';

/** One AWS service allowed to assume a role, and the conditions that keep it to this account (and resource). */
export interface ServiceTrust {
  /** The statement id, saying who may assume the role for what: `GlueRunsJobsForThisAccount`. */
  sid: string;
  /** The service principal: `glue.amazonaws.com`. */
  service: string;
  /**
   * The confused-deputy guard. Use `StringEquals` on a key the service documents sending (a missing key denies the
   * assumption); `StringEqualsIfExists` where it does not.
   */
  condition: Record<string, Record<string, string>>;
}

/** A role's trust policy: the one service of `trust` may assume it, under its conditions, and nobody else. */
export function serviceTrustPolicy(trust: ServiceTrust): aws.iam.PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: trust.sid,
        Effect: 'Allow',
        Principal: { Service: trust.service },
        Action: 'sts:AssumeRole',
        Condition: trust.condition,
      },
    ],
  };
}
