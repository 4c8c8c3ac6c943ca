import type { PolicyStatement } from '../iam/policy-document';

/** The TLS versions S3 can be told to require (`s3:TlsVersion`). */
export type MinimumTlsVersion = '1.2' | '1.3';

/** Which server-side encryption uploads must use: SSE-KMS with one key, or SSE-S3. */
export type UploadEncryption = { kind: 'kms'; kmsKeyArn: string } | { kind: 'sse-s3' };

const SSE_HEADER = 's3:x-amz-server-side-encryption';
const SSE_KMS_KEY_HEADER = 's3:x-amz-server-side-encryption-aws-kms-key-id';
const SSE_C_HEADER = 's3:x-amz-server-side-encryption-customer-algorithm';

function bucketAndObjects(bucketArn: string): string[] {
  return [bucketArn, `${bucketArn}/*`];
}

/**
 * Denies every request that does not use TLS. The action is `s3:*` on purpose: a deny must cover every action,
 * including ones added to S3 later, or plain HTTP would stay open for them.
 */
export function tlsOnlyStatement(bucketArn: string): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*'],
    Resource: bucketAndObjects(bucketArn),
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** Denies requests made over TLS older than `version` (S3 still accepts TLS 1.0/1.1 unless told otherwise). */
export function minimumTlsStatement(bucketArn: string, version: MinimumTlsVersion): PolicyStatement {
  return {
    Sid: 'DenyOutdatedTls',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*'],
    Resource: bucketAndObjects(bucketArn),
    Condition: { NumericLessThan: { 's3:TlsVersion': version } },
  };
}

/**
 * Denies uploads that ask for a different encryption than the bucket's: another algorithm, customer-provided keys,
 * and with SSE-KMS `aws:kms` without the lake key's ARN or with another key. Uploads without encryption headers are
 * allowed: the bucket's default encryption applies to them. Each deny is conditioned on the header being present
 * (`Null: false`) because negated operators are true when a key is missing, which would reject those uploads.
 */
export function wrongEncryptionUploadStatements(
  bucketArn: string,
  encryption: UploadEncryption,
): PolicyStatement[] {
  const objects = `${bucketArn}/*`;
  const algorithm = encryption.kind === 'kms' ? 'aws:kms' : 'AES256';
  const statements: PolicyStatement[] = [
    {
      Sid: 'DenyWrongEncryptionAlgorithm',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:PutObject'],
      Resource: objects,
      Condition: { StringNotEquals: { [SSE_HEADER]: algorithm }, Null: { [SSE_HEADER]: 'false' } },
    },
    {
      Sid: 'DenyCustomerProvidedKeys',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:PutObject'],
      Resource: objects,
      Condition: { Null: { [SSE_C_HEADER]: 'false' } },
    },
  ];
  if (encryption.kind === 'kms') {
    statements.push({
      // S3 encrypts an `aws:kms` upload that names no key with the AWS managed key aws/s3, not the bucket's default
      // key (PutObject API reference), which would put objects outside the lake key's policy.
      Sid: 'DenyKmsWithoutLakeKey',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:PutObject'],
      Resource: objects,
      Condition: {
        StringEquals: { [SSE_HEADER]: 'aws:kms' },
        Null: { [SSE_KMS_KEY_HEADER]: 'true' },
      },
    });
    statements.push({
      Sid: 'DenyOtherKmsKeys',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:PutObject'],
      Resource: objects,
      Condition: {
        StringNotEquals: { [SSE_KMS_KEY_HEADER]: encryption.kmsKeyArn },
        Null: { [SSE_KMS_KEY_HEADER]: 'false' },
      },
    });
  }
  return statements;
}

/** Where one source bucket's server access logs land in the log bucket. */
export interface AccessLogSource {
  bucketArn: string;
  /** Key prefix in the log bucket, e.g. `data/`. */
  prefix: string;
}

/**
 * Lets the S3 logging service write access logs of the given source buckets, and only those: each source may only
 * write under its own prefix, and only on behalf of this account (confused-deputy protection).
 */
export function accessLogDeliveryStatements(args: {
  logBucketArn: string;
  accountId: string;
  sources: readonly AccessLogSource[];
}): PolicyStatement[] {
  return args.sources.map((source, index) => ({
    Sid: `AllowAccessLogDelivery${index}`,
    Effect: 'Allow',
    Principal: { Service: 'logging.s3.amazonaws.com' },
    Action: ['s3:PutObject'],
    Resource: `${args.logBucketArn}/${source.prefix}*`,
    Condition: {
      ArnLike: { 'aws:SourceArn': source.bucketArn },
      StringEquals: { 'aws:SourceAccount': args.accountId },
    },
  }));
}
