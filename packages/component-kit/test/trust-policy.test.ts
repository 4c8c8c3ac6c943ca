import { describe, expect, it } from 'vitest';
import { serviceTrustPolicy } from '../src/trust-policy';

describe('serviceTrustPolicy', () => {
  it('lets the one service assume the role under the given condition, with the given statement id', () => {
    expect(
      serviceTrustPolicy({
        sid: 'GlueRunsJobsForThisAccount',
        service: 'glue.amazonaws.com',
        condition: { StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } },
      }),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'GlueRunsJobsForThisAccount',
          Effect: 'Allow',
          Principal: { Service: 'glue.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } },
        },
      ],
    });
  });

  it('trusts that service only: one statement, no wildcard principal', () => {
    const policy = serviceTrustPolicy({
      sid: 'S',
      service: 'events.amazonaws.com',
      condition: { StringEquals: { 'aws:SourceAccount': '1' } },
    });
    expect(policy.Statement).toHaveLength(1);
    expect(JSON.stringify(policy)).not.toContain('"*"');
  });
});
