import { describe, expect, it } from 'vitest';
import { policyDocumentsIn, type ResourceWithInputs, wildcardViolations } from '../src/policy-check';

function resourceWith(policy: unknown): ResourceWithInputs {
  return { name: 'r', inputs: { policy: JSON.stringify(policy) } };
}

const doc = (statement: object) => ({ Version: '2012-10-17', Statement: [statement] });

describe('the policy check helper', () => {
  it('flags allowed *, service:* and NotAction', () => {
    expect(
      wildcardViolations([resourceWith(doc({ Sid: 'A', Effect: 'Allow', Action: '*', Resource: 'x' }))]),
    ).toEqual([{ resource: 'r', sid: 'A', problem: 'allows *' }]);
    expect(
      wildcardViolations([
        resourceWith(doc({ Sid: 'B', Effect: 'Allow', Action: ['s3:GetObject', 'kms:*'], Resource: 'x' })),
      ]),
    ).toEqual([{ resource: 'r', sid: 'B', problem: 'allows kms:*' }]);
    expect(
      wildcardViolations([
        resourceWith(doc({ Sid: 'C', Effect: 'Deny', NotAction: ['s3:GetObject'], Resource: 'x' })),
      ]),
    ).toEqual([{ resource: 'r', sid: 'C', problem: 'uses NotAction' }]);
  });

  it('flags S3 actions allowed on every resource', () => {
    expect(
      wildcardViolations([
        resourceWith(doc({ Sid: 'D', Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' })),
      ]),
    ).toEqual([{ resource: 'r', sid: 'D', problem: 'allows S3 actions on resource *' }]);
  });

  it('accepts scoped actions, prefix wildcards and wildcard denies', () => {
    const ok = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'E',
          Effect: 'Allow',
          Action: ['kms:Describe*', 's3:GetObject'],
          Resource: 'arn:aws:s3:::b/p/*',
        },
        { Sid: 'F', Effect: 'Deny', Action: ['s3:*'], Resource: ['arn:aws:s3:::b'] },
      ],
    };
    expect(wildcardViolations([resourceWith(ok)])).toEqual([]);
  });

  it('finds documents given as JSON strings or objects, nested anywhere', () => {
    expect(
      policyDocumentsIn({ a: [{ policy: JSON.stringify(doc({})) }], b: doc({}), c: 'Statement' }),
    ).toHaveLength(2);
  });
});
