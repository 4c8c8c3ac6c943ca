import { LAKE_ZONES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import {
  dataBucketLifecycleRules,
  defaultLifecycle,
  logBucketLifecycleRules,
  resolveLifecycle,
  resultsBucketLifecycleRules,
} from '../../src/lifecycle/lifecycle-rules';

describe('defaultLifecycle', () => {
  it('states the default of every setting', () => {
    expect(defaultLifecycle()).toEqual({
      abortIncompleteMultipartUploadDays: 1,
      noncurrentVersionExpirationDays: 30,
      staging: {
        infrequentAccessAfterDays: 30,
        glacierInstantRetrievalAfterDays: 90,
        expireAfterDays: false,
      },
      quarantine: {
        infrequentAccessAfterDays: 30,
        glacierInstantRetrievalAfterDays: false,
        expireAfterDays: 90,
      },
      queryResultsExpirationDays: 7,
      runsExpirationDays: 3,
      accessLogsExpirationDays: 365,
    });
  });

  it('passes its own validation', () => {
    expect(resolveLifecycle('lake')).toEqual(defaultLifecycle());
  });

  it('returns a fresh object each time, so callers cannot change the defaults', () => {
    const first = defaultLifecycle();
    first.staging.infrequentAccessAfterDays = 60;
    expect(defaultLifecycle().staging.infrequentAccessAfterDays).toBe(30);
  });
});

describe('resolveLifecycle', () => {
  it('merges overrides field by field, zones included', () => {
    const resolved = resolveLifecycle('lake', {
      staging: { expireAfterDays: 400 },
      accessLogsExpirationDays: 30,
    });
    expect(resolved.staging).toEqual({
      infrequentAccessAfterDays: 30,
      glacierInstantRetrievalAfterDays: 90,
      expireAfterDays: 400,
    });
    expect(resolved.accessLogsExpirationDays).toBe(30);
    expect(resolved.quarantine).toEqual(defaultLifecycle().quarantine);
  });

  it('turns steps off with false, which lifts the ordering constraints', () => {
    const resolved = resolveLifecycle('lake', {
      staging: { infrequentAccessAfterDays: false, glacierInstantRetrievalAfterDays: 1, expireAfterDays: 2 },
    });
    expect(resolved.staging).toEqual({
      infrequentAccessAfterDays: false,
      glacierInstantRetrievalAfterDays: 1,
      expireAfterDays: 2,
    });
  });

  it('accepts the boundaries S3 accepts', () => {
    expect(() =>
      resolveLifecycle('lake', {
        staging: { infrequentAccessAfterDays: 30, glacierInstantRetrievalAfterDays: 60, expireAfterDays: 61 },
      }),
    ).not.toThrow();
  });

  it.each<[string, object, string]>([
    [
      'IA before day 30',
      { quarantine: { infrequentAccessAfterDays: 29 } },
      'lifecycle.quarantine.infrequentAccessAfterDays is 29',
    ],
    [
      'Glacier less than 30 days after IA',
      { staging: { glacierInstantRetrievalAfterDays: 59 } },
      'lifecycle.staging.glacierInstantRetrievalAfterDays is 59, but it must be at least 30 days after',
    ],
    [
      'expiry on the day of the last transition',
      { quarantine: { expireAfterDays: 30 } },
      'lifecycle.quarantine.expireAfterDays is 30, but it must come after the last transition (day 30)',
    ],
    [
      'zero abort days',
      { abortIncompleteMultipartUploadDays: 0 },
      'lifecycle.abortIncompleteMultipartUploadDays must be',
    ],
    [
      'a string',
      { accessLogsExpirationDays: '30' },
      'lifecycle.accessLogsExpirationDays must be a whole number of days, at least 1 (got 30)',
    ],
    [
      'negative days',
      { staging: { expireAfterDays: -1 } },
      'lifecycle.staging.expireAfterDays must be a whole number',
    ],
  ])('rejects %s', (_case, given, message) => {
    expect(() => resolveLifecycle('DataLake "x"', given)).toThrow(`DataLake "x": ${message}`);
  });
});

describe('lifecycle rules', () => {
  const lifecycle = defaultLifecycle();

  it('gives the data bucket abort, noncurrent-version and zone tiering rules on the contract prefixes', () => {
    expect(dataBucketLifecycleRules(lifecycle)).toEqual([
      {
        id: 'abort-incomplete-multipart-uploads',
        status: 'Enabled',
        filter: {},
        abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
      },
      {
        id: 'expire-noncurrent-versions',
        status: 'Enabled',
        filter: {},
        noncurrentVersionExpiration: { noncurrentDays: 30 },
        expiration: { expiredObjectDeleteMarker: true },
      },
      {
        id: 'staging-tiering',
        status: 'Enabled',
        filter: { prefix: LAKE_ZONES.staging },
        transitions: [
          { days: 30, storageClass: 'STANDARD_IA' },
          { days: 90, storageClass: 'GLACIER_IR' },
        ],
      },
      {
        id: 'quarantine-tiering',
        status: 'Enabled',
        filter: { prefix: LAKE_ZONES.quarantine },
        transitions: [{ days: 30, storageClass: 'STANDARD_IA' }],
        expiration: { days: 90 },
      },
      {
        id: 'expire-runs',
        status: 'Enabled',
        filter: { prefix: '_runs/' },
        expiration: { days: 3 },
        noncurrentVersionExpiration: { noncurrentDays: 1 },
      },
    ]);
  });

  it('never touches the warehouse or scripts zones', () => {
    const prefixes = dataBucketLifecycleRules(lifecycle).map(
      (rule) => (rule.filter as { prefix?: string }).prefix,
    );
    expect(prefixes).not.toContain(LAKE_ZONES.warehouse);
    expect(prefixes).not.toContain(LAKE_ZONES.scripts);
  });

  it('drops a zone rule whose steps are all off', () => {
    const rules = dataBucketLifecycleRules(
      resolveLifecycle('lake', {
        quarantine: {
          infrequentAccessAfterDays: false,
          glacierInstantRetrievalAfterDays: false,
          expireAfterDays: false,
        },
      }),
    );
    expect(rules.map((rule) => rule.id)).toEqual([
      'abort-incomplete-multipart-uploads',
      'expire-noncurrent-versions',
      'staging-tiering',
      'expire-runs',
    ]);
  });

  it('expires query results after N days and their hidden versions a day later', () => {
    expect(
      resultsBucketLifecycleRules(resolveLifecycle('lake', { queryResultsExpirationDays: 3 }))[1],
    ).toEqual({
      id: 'expire-query-results',
      status: 'Enabled',
      filter: {},
      expiration: { days: 3 },
      noncurrentVersionExpiration: { noncurrentDays: 1 },
    });
  });

  it('expires access logs after the retention', () => {
    expect(logBucketLifecycleRules(lifecycle).map((rule) => [rule.id, rule.expiration])).toEqual([
      ['abort-incomplete-multipart-uploads', undefined],
      ['expire-access-logs', { days: 365 }],
    ]);
  });
});
