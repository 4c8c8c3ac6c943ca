import { describe, expect, it } from 'vitest';
import { mergePolicyDocuments, policyDocument, sidFragment } from '../../src/iam/policy-document';

const statement = (Sid: string) => ({
  Sid,
  Effect: 'Allow' as const,
  Action: ['s3:GetObject'],
  Resource: 'arn',
});

describe('policy documents', () => {
  it('wraps statements with the current policy language version', () => {
    expect(policyDocument([statement('A')])).toEqual({ Version: '2012-10-17', Statement: [statement('A')] });
  });

  it('rejects duplicate Sids, which IAM would refuse', () => {
    expect(() => policyDocument([statement('A'), statement('A')])).toThrow('duplicate statement Sid "A"');
  });

  it('merges documents', () => {
    expect(
      mergePolicyDocuments(policyDocument([statement('A')]), policyDocument([statement('B')])).Statement,
    ).toEqual([statement('A'), statement('B')]);
    expect(() =>
      mergePolicyDocuments(policyDocument([statement('A')]), policyDocument([statement('A')])),
    ).toThrow();
  });

  it('turns prefixes into Sid fragments', () => {
    expect(sidFragment('staging/albums/')).toBe('StagingAlbums');
    expect(sidFragment('datawarehouse/')).toBe('Datawarehouse');
  });
});
