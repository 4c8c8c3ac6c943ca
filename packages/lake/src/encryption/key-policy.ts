import { accountAdministersKey, accountRoot } from '@spotify-lake/component-kit';
import { type PolicyDocument, policyDocument } from '../iam/policy-document';

/** The account's key administration actions: listed, no `kms:Create*` (see the component kit). */
export { KEY_ADMIN_ACTIONS } from '@spotify-lake/component-kit';

/**
 * Creating grants, allowed only when the grant is for an AWS service using the key on a principal's behalf
 * (`kms:GrantIsForAWSResource`): a service integrated with KMS may create one, a principal cannot create one for
 * itself. Listing and revoking grants are administration (`KEY_ADMIN_ACTIONS`).
 */
export const KEY_GRANT_ACTIONS = ['kms:CreateGrant'] as const;

/** Data-key actions S3 performs on behalf of a caller for SSE-KMS with bucket keys. */
export const KEY_USE_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey',
] as const;

/** `s3.<region>.amazonaws.com`: the `kms:ViaService` value of requests S3 makes on a caller's behalf. */
export function s3ViaService(region: string): string {
  return `s3.${region}.amazonaws.com`;
}

/**
 * The lake key's policy: the account administers the key and may delegate its use to IAM principals, but only
 * for requests S3 makes in this region on their behalf: the key encrypts the lake's buckets and nothing else.
 * Grants, which would hand key use to a principal outside these conditions, are for AWS services only.
 * Who may use it is then decided by IAM policies (see `keyUsePolicy` and the grant helpers). The resource `*`
 * means "this key" in a key policy.
 */
export function lakeKeyPolicy(args: {
  accountId: string;
  partition: string;
  region: string;
}): PolicyDocument {
  const root = accountRoot(args);
  return policyDocument([
    accountAdministersKey(args),
    {
      Sid: 'AccountGrantsForAwsServicesOnly',
      Effect: 'Allow',
      Principal: { AWS: root },
      Action: [...KEY_GRANT_ACTIONS],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
    {
      Sid: 'AccountDelegatesKeyUseThroughS3',
      Effect: 'Allow',
      Principal: { AWS: root },
      Action: [...KEY_USE_ACTIONS],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:CallerAccount': args.accountId, 'kms:ViaService': s3ViaService(args.region) },
      },
    },
  ]);
}
