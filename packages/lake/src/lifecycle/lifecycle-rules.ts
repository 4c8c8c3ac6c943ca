import type * as aws from '@pulumi/aws';
import { assertKnownKeys } from '@spotify-lake/component-kit';
import { LAKE_ZONES } from '@spotify-lake/contract';

type LifecycleRule = aws.types.input.s3.BucketLifecycleConfigurationRule;

/** Storage-class steps of one zone. `false` turns a step off. */
export interface ZoneTiering {
  /** Days after creation before objects move to STANDARD_IA (S3 requires at least 30). */
  infrequentAccessAfterDays: number | false;
  /**
   * Days after creation before objects move to GLACIER_IR. Instant Retrieval, not Flexible Retrieval: Athena and
   * Spark can still read it, so the zone's tables keep working.
   */
  glacierInstantRetrievalAfterDays: number | false;
  /** Days after creation before objects expire (become noncurrent versions, then go after the noncurrent expiry). */
  expireAfterDays: number | false;
}

/** Every lifecycle setting of a lake, resolved. */
export interface LakeLifecycle {
  /** Days before incomplete multipart uploads are aborted, in every bucket. */
  abortIncompleteMultipartUploadDays: number;
  /** Days a replaced or deleted object version is kept before it is removed, in the versioned buckets. */
  noncurrentVersionExpirationDays: number;
  /** The `staging/` zone (raw CSV drops). */
  staging: ZoneTiering;
  /** The `quarantine/` zone (rejected rows, kept for review). */
  quarantine: ZoneTiering;
  /** Days before Athena query results expire. */
  queryResultsExpirationDays: number;
  /**
   * Days before what a Glue run left in the `_runs/` zone expires. A run removes its own folder when it ends;
   * this clears the folders of runs that were killed before they could.
   */
  runsExpirationDays: number;
  /** Days before server access logs expire. */
  accessLogsExpirationDays: number;
}

/** Caller overrides: any field, at any depth, may be left out to keep its default. */
export type LakeLifecycleArgs = Partial<Omit<LakeLifecycle, 'staging' | 'quarantine'>> & {
  staging?: Partial<ZoneTiering>;
  quarantine?: Partial<ZoneTiering>;
};

/**
 * The default lifecycle. Staging is the source of truth the warehouse is rebuilt from, so it only gets cheaper
 * (IA after 30 days, Glacier IR after 90) and never expires; quarantine is for review and expires after 90 days;
 * query results are disposable after 7 days (Athena's result reuse looks back at most 7 days); a killed run's
 * leftovers in `_runs/` go after 3 days (a run takes minutes; days leave time to look at them); access logs are
 * kept a year for audits; replaced versions are kept 30 days to undo mistakes; failed uploads go after 1 day.
 * The warehouse and scripts zones have no transitions: they are read all the time.
 */
export function defaultLifecycle(): LakeLifecycle {
  return {
    abortIncompleteMultipartUploadDays: 1,
    noncurrentVersionExpirationDays: 30,
    staging: { infrequentAccessAfterDays: 30, glacierInstantRetrievalAfterDays: 90, expireAfterDays: false },
    quarantine: {
      infrequentAccessAfterDays: 30,
      glacierInstantRetrievalAfterDays: false,
      expireAfterDays: 90,
    },
    queryResultsExpirationDays: 7,
    runsExpirationDays: 3,
    accessLogsExpirationDays: 365,
  };
}

function requireDays(owner: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`${owner}: ${field} must be a whole number of days, at least 1 (got ${String(value)})`);
  }
  return value;
}

function requireOptionalDays(owner: string, field: string, value: unknown): number | false {
  return value === false ? false : requireDays(owner, field, value);
}

const ZONE_TIERING_KEYS: readonly (keyof ZoneTiering)[] = [
  'infrequentAccessAfterDays',
  'glacierInstantRetrievalAfterDays',
  'expireAfterDays',
];
const LIFECYCLE_KEYS: readonly (keyof LakeLifecycle)[] = [
  'abortIncompleteMultipartUploadDays',
  'noncurrentVersionExpirationDays',
  'staging',
  'quarantine',
  'queryResultsExpirationDays',
  'runsExpirationDays',
  'accessLogsExpirationDays',
];

function requireObject(owner: string, field: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${owner}: ${field} must be an object (got ${JSON.stringify(value)})`);
  }
}

function resolveZone(owner: string, zone: string, defaults: ZoneTiering, given: Partial<ZoneTiering> = {}) {
  const field = (name: keyof ZoneTiering) => `lifecycle.${zone}.${name}`;
  requireObject(owner, `lifecycle.${zone}`, given);
  assertKnownKeys(owner, `lifecycle.${zone} field`, given, ZONE_TIERING_KEYS);
  const tiering: ZoneTiering = {
    infrequentAccessAfterDays: requireOptionalDays(
      owner,
      field('infrequentAccessAfterDays'),
      given.infrequentAccessAfterDays ?? defaults.infrequentAccessAfterDays,
    ),
    glacierInstantRetrievalAfterDays: requireOptionalDays(
      owner,
      field('glacierInstantRetrievalAfterDays'),
      given.glacierInstantRetrievalAfterDays ?? defaults.glacierInstantRetrievalAfterDays,
    ),
    expireAfterDays: requireOptionalDays(
      owner,
      field('expireAfterDays'),
      given.expireAfterDays ?? defaults.expireAfterDays,
    ),
  };
  const ia = tiering.infrequentAccessAfterDays;
  const glacier = tiering.glacierInstantRetrievalAfterDays;
  const expire = tiering.expireAfterDays;
  if (ia !== false && ia < 30) {
    throw new Error(
      `${owner}: ${field('infrequentAccessAfterDays')} is ${ia}, but S3 only moves objects to STANDARD_IA after at least 30 days`,
    );
  }
  if (ia !== false && glacier !== false && glacier < ia + 30) {
    throw new Error(
      `${owner}: ${field('glacierInstantRetrievalAfterDays')} is ${glacier}, but it must be at least 30 days after ` +
        `${field('infrequentAccessAfterDays')} (${ia}): S3 keeps objects in STANDARD_IA for 30 days before the next transition`,
    );
  }
  const lastTransition = Math.max(ia === false ? 0 : ia, glacier === false ? 0 : glacier);
  if (expire !== false && expire <= lastTransition) {
    throw new Error(
      `${owner}: ${field('expireAfterDays')} is ${expire}, but it must come after the last transition (day ${lastTransition})`,
    );
  }
  return tiering;
}

/** Merges overrides into `defaultLifecycle()` and checks them against S3's rules; errors name the field. */
export function resolveLifecycle(owner: string, given: LakeLifecycleArgs = {}): LakeLifecycle {
  const defaults = defaultLifecycle();
  requireObject(owner, 'lifecycle', given);
  assertKnownKeys(owner, 'lifecycle field', given, LIFECYCLE_KEYS);
  return {
    abortIncompleteMultipartUploadDays: requireDays(
      owner,
      'lifecycle.abortIncompleteMultipartUploadDays',
      given.abortIncompleteMultipartUploadDays ?? defaults.abortIncompleteMultipartUploadDays,
    ),
    noncurrentVersionExpirationDays: requireDays(
      owner,
      'lifecycle.noncurrentVersionExpirationDays',
      given.noncurrentVersionExpirationDays ?? defaults.noncurrentVersionExpirationDays,
    ),
    staging: resolveZone(owner, 'staging', defaults.staging, given.staging),
    quarantine: resolveZone(owner, 'quarantine', defaults.quarantine, given.quarantine),
    queryResultsExpirationDays: requireDays(
      owner,
      'lifecycle.queryResultsExpirationDays',
      given.queryResultsExpirationDays ?? defaults.queryResultsExpirationDays,
    ),
    runsExpirationDays: requireDays(
      owner,
      'lifecycle.runsExpirationDays',
      given.runsExpirationDays ?? defaults.runsExpirationDays,
    ),
    accessLogsExpirationDays: requireDays(
      owner,
      'lifecycle.accessLogsExpirationDays',
      given.accessLogsExpirationDays ?? defaults.accessLogsExpirationDays,
    ),
  };
}

function abortIncompleteUploadsRule(days: number): LifecycleRule {
  return {
    id: 'abort-incomplete-multipart-uploads',
    status: 'Enabled',
    filter: {},
    abortIncompleteMultipartUpload: { daysAfterInitiation: days },
  };
}

function expireNoncurrentVersionsRule(days: number): LifecycleRule {
  return {
    id: 'expire-noncurrent-versions',
    status: 'Enabled',
    filter: {},
    noncurrentVersionExpiration: { noncurrentDays: days },
    // Once the last version is gone, the delete marker left on top is clutter that slows listings.
    expiration: { expiredObjectDeleteMarker: true },
  };
}

function zoneTieringRule(zone: 'staging' | 'quarantine', tiering: ZoneTiering): LifecycleRule | undefined {
  const transitions: { days: number; storageClass: string }[] = [];
  if (tiering.infrequentAccessAfterDays !== false) {
    transitions.push({ days: tiering.infrequentAccessAfterDays, storageClass: 'STANDARD_IA' });
  }
  if (tiering.glacierInstantRetrievalAfterDays !== false) {
    transitions.push({ days: tiering.glacierInstantRetrievalAfterDays, storageClass: 'GLACIER_IR' });
  }
  if (transitions.length === 0 && tiering.expireAfterDays === false) return undefined;
  return {
    id: `${zone}-tiering`,
    status: 'Enabled',
    filter: { prefix: LAKE_ZONES[zone] },
    ...(transitions.length > 0 ? { transitions } : {}),
    ...(tiering.expireAfterDays !== false ? { expiration: { days: tiering.expireAfterDays } } : {}),
  };
}

/** A killed run's leftovers in `_runs/` expire; their versions go a day later, not after the undo window. */
function expireRunsRule(days: number): LifecycleRule {
  return {
    id: 'expire-runs',
    status: 'Enabled',
    filter: { prefix: LAKE_ZONES.runs },
    expiration: { days },
    noncurrentVersionExpiration: { noncurrentDays: 1 },
  };
}

/** Rules of the data bucket: aborted uploads, old versions, staging and quarantine tiering, runs' leftovers. */
export function dataBucketLifecycleRules(lifecycle: LakeLifecycle): LifecycleRule[] {
  return [
    abortIncompleteUploadsRule(lifecycle.abortIncompleteMultipartUploadDays),
    expireNoncurrentVersionsRule(lifecycle.noncurrentVersionExpirationDays),
    zoneTieringRule('staging', lifecycle.staging),
    zoneTieringRule('quarantine', lifecycle.quarantine),
    expireRunsRule(lifecycle.runsExpirationDays),
  ].filter((rule): rule is LifecycleRule => rule !== undefined);
}

/** Rules of the query-results bucket: results expire after N days. */
export function resultsBucketLifecycleRules(lifecycle: LakeLifecycle): LifecycleRule[] {
  return [
    abortIncompleteUploadsRule(lifecycle.abortIncompleteMultipartUploadDays),
    {
      // Expiring a result in a versioned bucket only hides it; the hidden version goes a day later, so results
      // really are gone after N + 1 days rather than lingering for the data bucket's undo window.
      id: 'expire-query-results',
      status: 'Enabled',
      filter: {},
      expiration: { days: lifecycle.queryResultsExpirationDays },
      noncurrentVersionExpiration: { noncurrentDays: 1 },
    },
  ];
}

/** Rules of the access-log bucket (unversioned): logs expire after N days. */
export function logBucketLifecycleRules(lifecycle: LakeLifecycle): LifecycleRule[] {
  return [
    abortIncompleteUploadsRule(lifecycle.abortIncompleteMultipartUploadDays),
    {
      id: 'expire-access-logs',
      status: 'Enabled',
      filter: {},
      expiration: { days: lifecycle.accessLogsExpirationDays },
    },
  ];
}
