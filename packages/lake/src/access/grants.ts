import { s3ViaService } from '../encryption/key-policy';
import {
  type PolicyDocument,
  type PolicyStatement,
  policyDocument,
  sidFragment,
} from '../iam/policy-document';

/** What a zone grant is scoped to. Plain strings: resolve Outputs first (the DataLake methods do). */
export interface ZoneGrantArgs {
  /** ARN of the bucket that holds the zone. */
  bucketArn: string;
  /** Key prefix of the zone, ending in `/`, e.g. `staging/` or `staging/albums/`. */
  prefix: string;
  /** The bucket's SSE-KMS key; when set, the grant includes the key use that reading or writing needs. */
  kmsKeyArn?: string | undefined;
  /** Region of the bucket; required with `kmsKeyArn` to pin key use to S3 (`kms:ViaService`). */
  region?: string | undefined;
}

export interface ResultsGrantArgs extends Omit<ZoneGrantArgs, 'prefix'> {
  /** Key prefix inside the results bucket. @default '' (the whole bucket) */
  prefix?: string;
}

export interface KeyUseArgs {
  kmsKeyArn: string;
  region: string;
  /** The buckets whose objects the key may encrypt and decrypt (`kms:EncryptionContext:aws:s3:arn`). */
  bucketArns: readonly string[];
}

const READ_OBJECT_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'];
// No s3:DeleteObjectVersion: writers may replace and delete objects, but old versions stay recoverable.
const WRITE_OBJECT_ACTIONS = [
  's3:PutObject',
  's3:DeleteObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
];

function requirePrefix(where: string, prefix: string, allowEmpty: boolean): void {
  if (prefix === '' && allowEmpty) return;
  if (prefix === '' || prefix.startsWith('/') || !prefix.endsWith('/') || prefix.includes('*')) {
    throw new Error(
      `${where}: prefix "${prefix}" must be a key prefix such as "staging/" (not empty, no leading "/", ending in "/", no "*")`,
    );
  }
}

function requireRegionWithKey(
  where: string,
  kmsKeyArn: string | undefined,
  region: string | undefined,
): void {
  if (kmsKeyArn !== undefined && (region === undefined || region === '')) {
    throw new Error(`${where}: region is required with kmsKeyArn, to limit key use to S3 in that region`);
  }
}

/**
 * Key use through S3 only, and only for objects of the given buckets: S3 passes the bucket ARN (bucket keys) or
 * the object ARN as encryption context, so both forms are listed.
 */
function keyThroughS3Statement(args: {
  sid: string;
  actions: string[];
  kmsKeyArn: string;
  region: string;
  encryptionContexts: string[];
}): PolicyStatement {
  return {
    Sid: args.sid,
    Effect: 'Allow',
    Action: args.actions,
    Resource: args.kmsKeyArn,
    Condition: {
      StringEquals: { 'kms:ViaService': s3ViaService(args.region) },
      StringLike: { 'kms:EncryptionContext:aws:s3:arn': args.encryptionContexts },
    },
  };
}

function listPrefixStatement(sid: string, bucketArn: string, prefix: string): PolicyStatement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: ['s3:ListBucket'],
    Resource: bucketArn,
    Condition: { StringLike: { 's3:prefix': [prefix, `${prefix}*`] } },
  };
}

/** Read a zone: get objects (and their versions) under the prefix, list only that prefix, decrypt through S3. */
export function zoneReadPolicy(args: ZoneGrantArgs): PolicyDocument {
  requirePrefix('zoneReadPolicy', args.prefix, false);
  requireRegionWithKey('zoneReadPolicy', args.kmsKeyArn, args.region);
  const zone = sidFragment(args.prefix);
  const statements: PolicyStatement[] = [
    {
      Sid: `Read${zone}Objects`,
      Effect: 'Allow',
      Action: READ_OBJECT_ACTIONS,
      Resource: `${args.bucketArn}/${args.prefix}*`,
    },
    listPrefixStatement(`List${zone}`, args.bucketArn, args.prefix),
    {
      Sid: `Locate${zone}Bucket`,
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation'],
      Resource: args.bucketArn,
    },
  ];
  if (args.kmsKeyArn !== undefined) {
    statements.push(
      keyThroughS3Statement({
        sid: `Decrypt${zone}`,
        actions: ['kms:Decrypt'],
        kmsKeyArn: args.kmsKeyArn,
        region: args.region!,
        encryptionContexts: [args.bucketArn, `${args.bucketArn}/${args.prefix}*`],
      }),
    );
  }
  return policyDocument(statements);
}

/**
 * Write a zone: put and delete objects under the prefix, finish or abort multipart uploads. No listing (grant
 * read as well for jobs that overwrite), no version deletion. SSE-KMS uploads need GenerateDataKey, and Decrypt
 * to complete a multipart upload.
 */
export function zoneWritePolicy(args: ZoneGrantArgs): PolicyDocument {
  requirePrefix('zoneWritePolicy', args.prefix, false);
  requireRegionWithKey('zoneWritePolicy', args.kmsKeyArn, args.region);
  const zone = sidFragment(args.prefix);
  const statements: PolicyStatement[] = [
    {
      Sid: `Write${zone}Objects`,
      Effect: 'Allow',
      Action: WRITE_OBJECT_ACTIONS,
      Resource: `${args.bucketArn}/${args.prefix}*`,
    },
  ];
  if (args.kmsKeyArn !== undefined) {
    statements.push(
      keyThroughS3Statement({
        sid: `Encrypt${zone}`,
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        kmsKeyArn: args.kmsKeyArn,
        region: args.region!,
        encryptionContexts: [args.bucketArn, `${args.bucketArn}/${args.prefix}*`],
      }),
    );
  }
  return policyDocument(statements);
}

/** What Athena needs on its query-result location: read, write and list results, manage multipart uploads. */
export function resultsReadWritePolicy(args: ResultsGrantArgs): PolicyDocument {
  const prefix = args.prefix ?? '';
  requirePrefix('resultsReadWritePolicy', prefix, true);
  requireRegionWithKey('resultsReadWritePolicy', args.kmsKeyArn, args.region);
  const list: PolicyStatement =
    prefix === ''
      ? { Sid: 'ListResults', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: args.bucketArn }
      : listPrefixStatement('ListResults', args.bucketArn, prefix);
  const statements: PolicyStatement[] = [
    {
      Sid: 'ReadWriteResults',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      Resource: `${args.bucketArn}/${prefix}*`,
    },
    list,
    {
      Sid: 'LocateResultsBucket',
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
      Resource: args.bucketArn,
    },
  ];
  if (args.kmsKeyArn !== undefined) {
    statements.push(
      keyThroughS3Statement({
        sid: 'EncryptResults',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        kmsKeyArn: args.kmsKeyArn,
        region: args.region!,
        encryptionContexts: [args.bucketArn, `${args.bucketArn}/${prefix}*`],
      }),
    );
  }
  return policyDocument(statements);
}

/** Use the lake key through S3 for the given buckets, e.g. for a role that reads and writes through S3 already. */
export function keyUsePolicy(args: KeyUseArgs): PolicyDocument {
  if (args.bucketArns.length === 0) {
    throw new Error('keyUsePolicy: bucketArns is empty; name the buckets the key may be used for');
  }
  requireRegionWithKey('keyUsePolicy', args.kmsKeyArn, args.region);
  return policyDocument([
    keyThroughS3Statement({
      sid: 'UseLakeKeyThroughS3',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      kmsKeyArn: args.kmsKeyArn,
      region: args.region,
      encryptionContexts: args.bucketArns.flatMap((arn) => [arn, `${arn}/*`]),
    }),
  ]);
}
