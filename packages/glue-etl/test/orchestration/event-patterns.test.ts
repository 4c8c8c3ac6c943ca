import { describe, expect, it } from 'vitest';
import {
  dataQualityFailureMessage,
  dataQualityFailurePattern,
  FAILED_JOB_STATES,
  jobFailureMessage,
  jobFailurePattern,
  stagingUploadPattern,
} from '../../src';
import {
  CATALOG_DATA_QUALITY_FAILED,
  GLUE_DATA_QUALITY_FAILED,
  GLUE_JOB_FAILED,
  S3_OBJECT_CREATED,
} from '../support/documented-events';
import { atPath, matchesPattern } from '../support/event-pattern';

const JOB = 'etl-job-0000000';
const withDetail = <E extends { detail: object }>(event: E, detail: Record<string, unknown>) => ({
  ...event,
  detail: { ...event.detail, ...detail },
});

describe('the on-upload pattern', () => {
  const pattern = stagingUploadPattern('lake-data-0000000', 'staging/');

  it('matches an object created under staging/ in the lake bucket', () => {
    expect(matchesPattern(pattern, S3_OBJECT_CREATED)).toBe(true);
  });

  it('ignores other folders, other buckets and other S3 events', () => {
    const key = (k: string) =>
      withDetail(S3_OBJECT_CREATED, { object: { ...S3_OBJECT_CREATED.detail.object, key: k } });
    expect(matchesPattern(pattern, key('datawarehouse/part-0.parquet'))).toBe(false);
    expect(matchesPattern(pattern, key('_runs/jr_1/staging/x'))).toBe(false);
    expect(matchesPattern(pattern, withDetail(S3_OBJECT_CREATED, { bucket: { name: 'other' } }))).toBe(false);
    expect(matchesPattern(pattern, { ...S3_OBJECT_CREATED, 'detail-type': 'Object Deleted' })).toBe(false);
  });
});

describe('the job-failure pattern', () => {
  const pattern = jobFailurePattern(JOB);

  it('matches every state that ends a run without its outputs, for this job only', () => {
    for (const state of FAILED_JOB_STATES) {
      expect(matchesPattern(pattern, withDetail(GLUE_JOB_FAILED, { state })), state).toBe(true);
    }
    expect(matchesPattern(pattern, withDetail(GLUE_JOB_FAILED, { state: 'SUCCEEDED' }))).toBe(false);
    expect(matchesPattern(pattern, withDetail(GLUE_JOB_FAILED, { jobName: 'someone-else' }))).toBe(false);
    expect(FAILED_JOB_STATES).toEqual(['FAILED', 'TIMEOUT', 'STOPPED', 'ERROR']);
  });

  it('feeds a message whose every placeholder exists in the event', () => {
    const transformer = jobFailureMessage({ logGroupPrefix: '/aws-glue/jobs/sc-role/role/' });
    for (const [name, path] of Object.entries(transformer.inputPaths as Record<string, string>)) {
      expect(atPath(GLUE_JOB_FAILED, path), name).toBeDefined();
    }
    const text = JSON.parse(transformer.inputTemplate as string) as string;
    const placeholders = [...text.matchAll(/<(\w+)>/g)].map((m) => m[1]);
    expect(new Set(placeholders)).toEqual(new Set(Object.keys(transformer.inputPaths as object)));
    expect(text).toContain('/aws-glue/jobs/sc-role/role/error');
  });
});

describe('the data-quality-failure pattern', () => {
  const pattern = dataQualityFailurePattern(JOB);

  it("matches failed results of this job's runs only", () => {
    expect(matchesPattern(pattern, GLUE_DATA_QUALITY_FAILED)).toBe(true);
    expect(matchesPattern(pattern, withDetail(GLUE_DATA_QUALITY_FAILED, { state: 'SUCCEEDED' }))).toBe(false);
    const otherJob = withDetail(GLUE_DATA_QUALITY_FAILED, {
      context: { ...GLUE_DATA_QUALITY_FAILED.detail.context, jobName: 'other' },
    });
    expect(matchesPattern(pattern, otherJob)).toBe(false);
    expect(matchesPattern(pattern, CATALOG_DATA_QUALITY_FAILED)).toBe(false);
  });

  it('feeds a message whose every placeholder exists in the event', () => {
    const transformer = dataQualityFailureMessage({ logGroupPrefix: '/aws-glue/jobs/sc-role/role/' });
    for (const [name, path] of Object.entries(transformer.inputPaths as Record<string, string>)) {
      expect(atPath(GLUE_DATA_QUALITY_FAILED, path), name).toBeDefined();
    }
    const text = JSON.parse(transformer.inputTemplate as string) as string;
    expect(new Set([...text.matchAll(/<(\w+)>/g)].map((m) => m[1]))).toEqual(
      new Set(Object.keys(transformer.inputPaths as object)),
    );
  });
});
