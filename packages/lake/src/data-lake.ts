import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { applyResourceTransform, componentType, mergeTags } from '@spotify-lake/component-kit';
import { LAKE_ZONES, type LakeZone } from '@spotify-lake/contract';
import { keyUsePolicy, resultsReadWritePolicy, zoneReadPolicy, zoneWritePolicy } from './access/grants';
import type { DataLakeArgs } from './data-lake-args';
import { lakeKeyPolicy } from './encryption/key-policy';
import type { PolicyDocument, PolicyStatement } from './iam/policy-document';
import {
  dataBucketLifecycleRules,
  logBucketLifecycleRules,
  resultsBucketLifecycleRules,
} from './lifecycle/lifecycle-rules';
import {
  accessLogDeliveryStatements,
  minimumTlsStatement,
  tlsOnlyStatement,
  type UploadEncryption,
  wrongEncryptionUploadStatements,
} from './storage/bucket-policy';
import { createSecureBucket } from './storage/secure-bucket';
import { kmsEncryptionRule, lakeKeySettings, sseS3EncryptionRule } from './storage/secure-defaults';
import { type ResolvedDataLakeArgs, resolveDataLakeArgs } from './validation';

/** Key prefixes of the lake's zones in the data bucket (from the contract's `LAKE_ZONES`). */
export type LakeZonePrefixes = { readonly [Zone in LakeZone]: string };

/** Where each bucket's server access logs go in the log bucket. */
export const ACCESS_LOG_PREFIXES = { data: 'data/', results: 'results/' } as const;

/** Who a grant is for: a role, or a role's name. */
export type RoleRef = aws.iam.Role | pulumi.Input<string>;

export interface GrantOptions {
  /**
   * Logical name suffix of the role policy (`<lake>-<name>`), needed when the same grant goes to a second role.
   * @default the grant's kind and zone, e.g. `read-warehouse`
   */
  name?: string;
  /** A folder inside the zone, e.g. `albums/` to grant `staging/albums/` only. @default '' (the whole zone) */
  subPrefix?: string;
}

/**
 * The Spotify data lake: a data bucket holding the contract's zones, a query-results bucket and an access-log
 * bucket, all private, TLS-only, encrypted (a customer-managed KMS key by default), versioned, logged and under
 * lifecycle rules, and protected from deletion unless the caller opts into disposable data in two steps.
 */
export class DataLake extends pulumi.ComponentResource {
  static readonly TYPE = componentType('lake', 'DataLake');

  /** The bucket holding the zones. */
  readonly dataBucket: aws.s3.Bucket;
  /** The Athena query-results bucket. */
  readonly resultsBucket: aws.s3.Bucket;
  /** The server access-log bucket (SSE-S3, unversioned). */
  readonly logBucket: aws.s3.Bucket;
  /** The key the lake created; `undefined` with SSE-S3 or a caller-provided key. */
  readonly kmsKey: aws.kms.Key | undefined;
  readonly kmsAlias: aws.kms.Alias | undefined;

  readonly dataBucketName: pulumi.Output<string>;
  readonly dataBucketArn: pulumi.Output<string>;
  readonly resultsBucketName: pulumi.Output<string>;
  readonly resultsBucketArn: pulumi.Output<string>;
  readonly logBucketName: pulumi.Output<string>;
  /** ARN of the encryption key; `undefined` when the lake uses SSE-S3. */
  readonly kmsKeyArn: pulumi.Output<string | undefined>;
  /** Key prefixes of the zones: `staging/`, `datawarehouse/`, `quarantine/`, `scripts/`. */
  readonly zones: LakeZonePrefixes;
  /** The region the lake's buckets live in (the provider's). */
  readonly region: pulumi.Output<string>;
  /** Whether the data bucket sends its events to EventBridge (`eventBridgeNotifications`). */
  readonly eventBridgeNotifications: boolean;
  /** The data bucket's notification configuration; `undefined` unless `eventBridgeNotifications`. */
  readonly dataBucketNotification: aws.s3.BucketNotification | undefined;

  private readonly lakeName: string;
  private readonly settings: ResolvedDataLakeArgs;
  private readonly grantNames = new Set<string>();

  constructor(name: string, args: DataLakeArgs = {}, opts: pulumi.ComponentResourceOptions = {}) {
    // Validate before registering anything, so bad arguments leave no half-built component behind.
    const settings = resolveDataLakeArgs(name, args ?? {}, pulumi.getStack());
    super(DataLake.TYPE, name, {}, opts);
    this.lakeName = name;
    this.settings = settings;
    this.zones = { ...LAKE_ZONES };

    const invokeOpts = { parent: this };
    const accountId = aws.getCallerIdentityOutput({}, invokeOpts).accountId;
    const partition = aws.getPartitionOutput({}, invokeOpts).partition;
    this.region = aws.getRegionOutput({}, invokeOpts).region;

    const tagsFor = (role: string) =>
      mergeTags(settings.tags, { component: 'DataLake', instance: name, role });

    if (settings.encryption === 'kms' && settings.kmsKeyArn === undefined) {
      this.kmsKey = new aws.kms.Key(
        ...applyResourceTransform<aws.kms.KeyArgs>(
          settings.transform.kmsKey,
          `${name}-key`,
          {
            description: `Encrypts the ${name} Spotify lake (stack ${pulumi.getStack()})`,
            ...lakeKeySettings(settings.kmsKeyDeletionWindowDays),
            policy: pulumi
              .all([accountId, partition, this.region])
              .apply(([account, part, region]) =>
                JSON.stringify(lakeKeyPolicy({ accountId: account, partition: part, region })),
              ),
            tags: tagsFor('encryption-key'),
          },
          { parent: this, ...settings.protection.resourceOptions },
        ),
      );
      this.kmsAlias = new aws.kms.Alias(
        ...applyResourceTransform<aws.kms.AliasArgs>(
          settings.transform.kmsAlias,
          `${name}-key-alias`,
          // A prefix, so that the same lake name in two stacks of one account gets two aliases.
          { namePrefix: `alias/spotify-lake/${name}-`, targetKeyId: this.kmsKey.keyId },
          { parent: this, ...settings.protection.resourceOptions },
        ),
      );
      this.kmsKeyArn = this.kmsKey.arn;
    } else {
      this.kmsKey = undefined;
      this.kmsAlias = undefined;
      this.kmsKeyArn =
        settings.kmsKeyArn === undefined
          ? pulumi.output<string | undefined>(undefined)
          : pulumi.output(settings.kmsKeyArn);
    }

    const kmsKeyArn = this.kmsKeyArn;
    const encryptionRule =
      settings.encryption === 'kms'
        ? kmsEncryptionRule(
            kmsKeyArn.apply((arn) => arn!),
            settings.bucketKeyEnabled,
          )
        : sseS3EncryptionRule();
    const transportStatements = (arn: string): PolicyStatement[] =>
      settings.denyInsecureTransport
        ? [tlsOnlyStatement(arn), minimumTlsStatement(arn, settings.minimumTlsVersion)]
        : [];
    const guardedPolicy =
      settings.denyInsecureTransport || settings.denyWrongEncryptionUploads
        ? (bucketArn: pulumi.Output<string>) =>
            pulumi.all([bucketArn, kmsKeyArn]).apply(([arn, keyArn]) => {
              const upload: UploadEncryption =
                settings.encryption === 'kms' ? { kind: 'kms', kmsKeyArn: keyArn! } : { kind: 'sse-s3' };
              return [
                ...transportStatements(arn),
                ...(settings.denyWrongEncryptionUploads ? wrongEncryptionUploadStatements(arn, upload) : []),
              ];
            })
        : undefined;
    const common = {
      parent: this,
      protection: settings.protection,
      blockPublicAccess: settings.blockPublicAccess,
      transforms: settings.transform,
    };

    const data = createSecureBucket({
      ...common,
      name: `${name}-data`,
      tags: tagsFor('data'),
      objectOwnership: settings.objectOwnership,
      encryptionRule,
      versioning: settings.versioning,
      lifecycleRules: dataBucketLifecycleRules(settings.lifecycle),
      policyStatements: guardedPolicy,
      bucketTransform: settings.transform.dataBucket,
    });
    const results = createSecureBucket({
      ...common,
      name: `${name}-results`,
      tags: tagsFor('query-results'),
      objectOwnership: settings.objectOwnership,
      encryptionRule,
      versioning: settings.versioning,
      lifecycleRules: resultsBucketLifecycleRules(settings.lifecycle),
      policyStatements: guardedPolicy,
      bucketTransform: settings.transform.resultsBucket,
    });
    const logs = createSecureBucket({
      ...common,
      name: `${name}-logs`,
      tags: tagsFor('access-logs'),
      // Log delivery is authorised by the bucket policy below, which needs ACLs off.
      objectOwnership: 'BucketOwnerEnforced',
      encryptionRule: sseS3EncryptionRule(),
      versioning: undefined,
      lifecycleRules: logBucketLifecycleRules(settings.lifecycle),
      policyStatements: (logBucketArn) =>
        pulumi
          .all([logBucketArn, accountId, data.bucket.arn, results.bucket.arn])
          .apply(([logArn, account, dataArn, resultsArn]) => [
            ...transportStatements(logArn),
            ...accessLogDeliveryStatements({
              logBucketArn: logArn,
              accountId: account,
              sources: [
                { bucketArn: dataArn, prefix: ACCESS_LOG_PREFIXES.data },
                { bucketArn: resultsArn, prefix: ACCESS_LOG_PREFIXES.results },
              ],
            }),
          ]),
      bucketTransform: settings.transform.logBucket,
    });

    for (const [source, prefix] of [
      [data, ACCESS_LOG_PREFIXES.data],
      [results, ACCESS_LOG_PREFIXES.results],
    ] as const) {
      new aws.s3.BucketLogging(
        ...applyResourceTransform<aws.s3.BucketLoggingArgs>(
          settings.transform.logging,
          `${source === data ? `${name}-data` : `${name}-results`}-logging`,
          {
            bucket: source.bucket.id,
            targetBucket: logs.bucket.id,
            targetPrefix: prefix,
            // Date-partitioned keys, so an Athena table over the logs can prune by day.
            targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: 'EventTime' } },
          },
          {
            parent: this,
            ...settings.protection.resourceOptions,
            // Delivery starts only once the log bucket admits the logging service.
            dependsOn: [logs.policy!, logs.ownershipControls],
          },
        ),
      );
    }

    this.eventBridgeNotifications = settings.eventBridgeNotifications;
    this.dataBucketNotification = settings.eventBridgeNotifications
      ? new aws.s3.BucketNotification(
          ...applyResourceTransform<aws.s3.BucketNotificationArgs>(
            settings.transform.bucketNotification,
            `${name}-data-notification`,
            { bucket: data.bucket.id, eventbridge: true },
            // S3 rejects concurrent configuration of a new bucket ("conflicting conditional operation").
            { parent: this, dependsOn: data.policy ? [data.policy] : [data.ownershipControls] },
          ),
        )
      : undefined;

    this.dataBucket = data.bucket;
    this.resultsBucket = results.bucket;
    this.logBucket = logs.bucket;
    this.dataBucketName = data.bucket.bucket;
    this.dataBucketArn = data.bucket.arn;
    this.resultsBucketName = results.bucket.bucket;
    this.resultsBucketArn = results.bucket.arn;
    this.logBucketName = logs.bucket.bucket;

    this.registerOutputs({
      dataBucketName: this.dataBucketName,
      dataBucketArn: this.dataBucketArn,
      resultsBucketName: this.resultsBucketName,
      resultsBucketArn: this.resultsBucketArn,
      logBucketName: this.logBucketName,
      kmsKeyArn: this.kmsKeyArn,
      zones: this.zones,
    });
  }

  /** Attaches read access to one zone (or a folder of it) of the data bucket, key use included. */
  grantRead(role: RoleRef, zone: LakeZone, options: GrantOptions = {}): aws.iam.RolePolicy {
    const prefix = this.grantPrefix('grantRead', zone, options.subPrefix);
    const document = pulumi
      .all([this.dataBucketArn, this.kmsKeyArn, this.region])
      .apply(([bucketArn, kmsKeyArn, region]) => zoneReadPolicy({ bucketArn, prefix, kmsKeyArn, region }));
    return this.attach('grantRead', role, options.name ?? `read-${zone}`, document);
  }

  /** Attaches write access to one zone (or a folder of it) of the data bucket, key use included. */
  grantWrite(role: RoleRef, zone: LakeZone, options: GrantOptions = {}): aws.iam.RolePolicy {
    const prefix = this.grantPrefix('grantWrite', zone, options.subPrefix);
    const document = pulumi
      .all([this.dataBucketArn, this.kmsKeyArn, this.region])
      .apply(([bucketArn, kmsKeyArn, region]) => zoneWritePolicy({ bucketArn, prefix, kmsKeyArn, region }));
    return this.attach('grantWrite', role, options.name ?? `write-${zone}`, document);
  }

  /** Attaches what Athena needs on the query-results bucket, key use included. */
  grantResultsReadWrite(role: RoleRef, options: Pick<GrantOptions, 'name'> = {}): aws.iam.RolePolicy {
    const document = pulumi
      .all([this.resultsBucketArn, this.kmsKeyArn, this.region])
      .apply(([bucketArn, kmsKeyArn, region]) => resultsReadWritePolicy({ bucketArn, kmsKeyArn, region }));
    return this.attach('grantResultsReadWrite', role, options.name ?? 'results-read-write', document);
  }

  /** Attaches use of the lake's KMS key through S3, for the data and results buckets. */
  grantKeyUse(role: RoleRef, options: Pick<GrantOptions, 'name'> = {}): aws.iam.RolePolicy {
    if (this.settings.encryption !== 'kms') {
      throw new Error(
        `DataLake "${this.lakeName}".grantKeyUse: the lake uses SSE-S3 (encryption: 'sse-s3'), so it has no KMS key to grant`,
      );
    }
    const document = pulumi
      .all([this.kmsKeyArn, this.region, this.dataBucketArn, this.resultsBucketArn])
      .apply(([kmsKeyArn, region, dataArn, resultsArn]) =>
        keyUsePolicy({ kmsKeyArn: kmsKeyArn!, region, bucketArns: [dataArn, resultsArn] }),
      );
    return this.attach('grantKeyUse', role, options.name ?? 'key-use', document);
  }

  private grantPrefix(method: string, zone: LakeZone, subPrefix: string | undefined): string {
    const owner = `DataLake "${this.lakeName}".${method}`;
    if (!Object.hasOwn(LAKE_ZONES, zone)) {
      throw new Error(
        `${owner}: unknown zone ${JSON.stringify(zone)}; expected one of ${Object.keys(LAKE_ZONES).join(', ')}`,
      );
    }
    const base = LAKE_ZONES[zone];
    if (subPrefix === undefined || subPrefix === '') return base;
    if (!/^[A-Za-z0-9!_.'()=-]+(?:\/[A-Za-z0-9!_.'()=-]+)*\/$/.test(subPrefix)) {
      throw new Error(
        `${owner}: subPrefix ${JSON.stringify(subPrefix)} must be folder names ending in "/", e.g. "albums/" (no leading "/", no "*")`,
      );
    }
    return `${base}${subPrefix}`;
  }

  private attach(
    method: string,
    role: RoleRef,
    suffix: string,
    document: pulumi.Output<PolicyDocument>,
  ): aws.iam.RolePolicy {
    const logicalName = `${this.lakeName}-${suffix}`;
    if (this.grantNames.has(logicalName)) {
      throw new Error(
        `DataLake "${this.lakeName}".${method}: a grant named "${logicalName}" already exists; pass { name } to name this one`,
      );
    }
    this.grantNames.add(logicalName);
    return new aws.iam.RolePolicy(
      ...applyResourceTransform<aws.iam.RolePolicyArgs>(
        this.settings.transform.rolePolicy,
        logicalName,
        {
          // The role's name, which is what a role policy attaches to.
          role: aws.iam.Role.isInstance(role) ? role.name : role,
          policy: document.apply((doc) => JSON.stringify(doc)),
        },
        { parent: this },
      ),
    );
  }
}
