import { type PolicyDocument, policyDocument } from '../iam/policy-document';

/**
 * Administration actions for the account root. Listed instead of `kms:*` so that the key policy grants nothing
 * the key does not need (no Sign/Verify/MAC/import), yet the account can still manage and rotate it and cannot be
 * locked out (`kms:PutKeyPolicy` is covered by `kms:Put*`).
 */
export const KEY_ADMIN_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RotateKeyOnDemand',
] as const;

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
 * Who may use it is then decided by IAM policies (see `keyUsePolicy` and the grant helpers). The resource `*`
 * means "this key" in a key policy.
 */
export function lakeKeyPolicy(args: {
  accountId: string;
  partition: string;
  region: string;
}): PolicyDocument {
  const root = `arn:${args.partition}:iam::${args.accountId}:root`;
  return policyDocument([
    {
      Sid: 'AccountAdministersKey',
      Effect: 'Allow',
      Principal: { AWS: root },
      Action: [...KEY_ADMIN_ACTIONS],
      Resource: '*',
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
