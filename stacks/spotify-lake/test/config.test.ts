import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { MIN_BYTES_SCANNED_CUTOFF_PER_QUERY } from '@spotify-lake/catalog';
import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_MIB,
  CONFIG_NAMESPACE,
  loadStackConfig,
  MAX_BYTES_SCANNED_CUTOFF_MB,
  MAX_USER_TAGS,
  parseStackConfig,
  type RawConfig,
  STACK_CONFIG_DEFAULTS,
  STACK_CONFIG_KEYS,
} from '../src/config';
import { StackConfigError } from '../src/config-error';
import { setupPulumiMocks } from './support/pulumi-mocks';

const REGION = { 'aws:region': 'eu-west-1' } as const;
/** The ETL keys' defaults (tested in etl-config below). */
const ETL_DEFAULTS = {
  etlWorkerType: 'G.1X',
  etlWorkers: 2,
  etlSchedule: 'cron(0 3 * * ? *)',
  etlOnUpload: false,
  alertEmails: [],
  dataQualityFailure: 'fail',
};
const parse = (extra: Record<string, string>, stack = 'dev') =>
  parseStackConfig(stack, { ...REGION, ...extra });
/** The error parsing `raw` throws; fails the test when it throws none. */
function errorOf(raw: RawConfig, stack = 'dev'): StackConfigError {
  try {
    parseStackConfig(stack, raw);
  } catch (error) {
    expect(error).toBeInstanceOf(StackConfigError);
    return error as StackConfigError;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
}
const rejected = (extra: Record<string, string>, stack = 'dev') => errorOf({ ...REGION, ...extra }, stack);

describe('parseStackConfig', () => {
  it('applies every default when only aws:region is set', () => {
    expect(parseStackConfig('staging', REGION)).toEqual({
      stack: 'staging',
      region: 'eu-west-1',
      encryption: 'kms',
      disposableData: false,
      bytesScannedCutoffMb: 1024,
      queryResultsDays: 7,
      crawler: false,
      tags: {},
      quicksight: false,
      quicksightOwners: [],
      quicksightViewers: [],
      quicksightImportMode: 'direct-query',
      quicksightRefresh: 'daily',
      ...ETL_DEFAULTS,
    });
  });

  it('states in each doc comment the default it applies', () => {
    const source = readFileSync(resolve(__dirname, '../src/config.ts'), 'utf8');
    const body = source.slice(source.indexOf('export interface StackConfig'), source.indexOf('\n}\n'));
    const documented: Record<string, unknown> = {};
    for (const match of body.matchAll(/@default (.+)\n\s*\*\/\n\s*(\w+):/g)) {
      const literal = match[1]!.replace(/\s*\(.*\)$/, '').replace(/'/g, '"');
      documented[match[2]!] = JSON.parse(literal);
    }
    expect(documented).toEqual(STACK_CONFIG_DEFAULTS);
    expect(Object.keys(STACK_CONFIG_DEFAULTS).sort()).toEqual([...STACK_CONFIG_KEYS].sort());
  });

  it('reads every key in the spelling the Pulumi CLI passes (strings, objects as JSON)', () => {
    expect(
      parse({
        'spotify-lake:encryption': 'sse-s3',
        'spotify-lake:disposableData': 'true',
        'spotify-lake:bytesScannedCutoffMb': '100',
        'spotify-lake:queryResultsDays': '1',
        'spotify-lake:crawler': 'true',
        'spotify-lake:tags': '{"team":"analytics","cost center":"42"}',
      }),
    ).toEqual({
      stack: 'dev',
      region: 'eu-west-1',
      encryption: 'sse-s3',
      disposableData: true,
      bytesScannedCutoffMb: 100,
      queryResultsDays: 1,
      crawler: true,
      tags: { team: 'analytics', 'cost center': '42' },
      quicksight: false,
      quicksightOwners: [],
      quicksightViewers: [],
      quicksightImportMode: 'direct-query',
      quicksightRefresh: 'daily',
      ...ETL_DEFAULTS,
    });
  });

  it('ignores keys of other namespaces (providers, the engine)', () => {
    expect(parse({ 'aws:profile': 'analytics', 'pulumi:disable-default-providers': '[]' }).encryption).toBe(
      'kms',
    );
  });

  describe('aws:region', () => {
    it('is required, with a hint', () => {
      const error = errorOf({});
      expect(error.key).toBe('aws:region');
      expect(error.message).toBe(
        'Invalid configuration aws:region: is not set; every stack names its region explicitly so that no ' +
          'deployment lands in a default region by accident; set it with: pulumi config set aws:region eu-west-1',
      );
      expect(errorOf({ 'aws:region': ' ' }).key).toBe('aws:region');
    });

    it.each(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-northwest-1', 'ap-southeast-5'])(
      'accepts %s',
      (region) => {
        expect(parseStackConfig('dev', { 'aws:region': region }).region).toBe(region);
      },
    );

    it.each(['Ireland', 'eu-west', 'EU-WEST-1', 'eu-west-1a'])('rejects %s', (region) => {
      expect(errorOf({ 'aws:region': region }).message).toContain(
        `is not an AWS region name (got "${region}")`,
      );
    });
  });

  describe('spotify-lake:encryption', () => {
    it('is kms or sse-s3', () => {
      expect(parse({ 'spotify-lake:encryption': 'kms' }).encryption).toBe('kms');
      expect(rejected({ 'spotify-lake:encryption': 'KMS' }).message).toBe(
        'Invalid configuration spotify-lake:encryption: must be one of kms, sse-s3 (got "KMS"); set it with: ' +
          'pulumi config set spotify-lake:encryption kms',
      );
    });
  });

  describe.each(['disposableData', 'crawler'] as const)('spotify-lake:%s', (key) => {
    it('is true or false', () => {
      expect(parse({ [`spotify-lake:${key}`]: 'false' })[key]).toBe(false);
      expect(parse({ [`spotify-lake:${key}`]: 'true' })[key]).toBe(true);
      for (const bad of ['yes', '1', 'True', '']) {
        const error = rejected({ [`spotify-lake:${key}`]: bad });
        expect([error.key, error.message]).toEqual([
          `spotify-lake:${key}`,
          `Invalid configuration spotify-lake:${key}: must be true or false (got ${JSON.stringify(bad)}); set it with: pulumi config set spotify-lake:${key} true`,
        ]);
      }
    });
  });

  describe('spotify-lake:bytesScannedCutoffMb', () => {
    it("starts at Athena's minimum of 10 MiB", () => {
      expect(10 * BYTES_PER_MIB).toBe(MIN_BYTES_SCANNED_CUTOFF_PER_QUERY);
      expect(parse({ 'spotify-lake:bytesScannedCutoffMb': '10' }).bytesScannedCutoffMb).toBe(10);
      expect(rejected({ 'spotify-lake:bytesScannedCutoffMb': '9' }).message).toBe(
        'Invalid configuration spotify-lake:bytesScannedCutoffMb: must be a whole number of MiB from 10 to ' +
          '1048576 (got "9"); set it with: pulumi config set spotify-lake:bytesScannedCutoffMb 10',
      );
    });

    it('stops at 1 TiB, which catches bytes typed into the MiB key', () => {
      expect(
        parse({ 'spotify-lake:bytesScannedCutoffMb': String(MAX_BYTES_SCANNED_CUTOFF_MB) }),
      ).toMatchObject({
        bytesScannedCutoffMb: 1024 * 1024,
      });
      expect(rejected({ 'spotify-lake:bytesScannedCutoffMb': String(10 * 1024 ** 3) }).key).toBe(
        'spotify-lake:bytesScannedCutoffMb',
      );
    });

    it.each(['1.5', '-100', '1e3', '0x400', 'ten', '', '99999999999999999999'])('rejects %j', (value) => {
      expect(rejected({ 'spotify-lake:bytesScannedCutoffMb': value }).message).toContain(
        `must be a whole number of MiB from 10 to 1048576 (got ${JSON.stringify(value)})`,
      );
    });
  });

  describe('spotify-lake:queryResultsDays', () => {
    it('is a whole number of days from 1 to 3650', () => {
      expect(parse({ 'spotify-lake:queryResultsDays': '30' }).queryResultsDays).toBe(30);
      expect(parse({ 'spotify-lake:queryResultsDays': '3650' }).queryResultsDays).toBe(3650);
      for (const bad of ['0', '3651', '7.5', 'week']) {
        expect(rejected({ 'spotify-lake:queryResultsDays': bad }).message).toContain(
          `spotify-lake:queryResultsDays: must be a whole number of days from 1 to 3650 (got ${JSON.stringify(bad)})`,
        );
      }
    });
  });

  describe('spotify-lake:tags', () => {
    const tags = (value: unknown) => ({ 'spotify-lake:tags': JSON.stringify(value) });

    it('takes an object of string values within AWS tag rules', () => {
      const value = { team: 'analytics', 'cost-center': '', 'owner@': 'data/platform: +=_.' };
      expect(parse(tags(value)).tags).toEqual(value);
    });

    it.each([
      ['a list', ['team'], 'spotify-lake:tags', 'must be an object of tag names to values'],
      ['a string', 'analytics', 'spotify-lake:tags', 'must be an object of tag names to values'],
      ['a number value', { team: 7 }, 'spotify-lake:tags.team', 'tag values are strings'],
      ['a nested object', { team: { name: 'x' } }, 'spotify-lake:tags.team', 'tag values are strings'],
      ['a long value', { team: 'x'.repeat(257) }, 'spotify-lake:tags.team', 'tag values are strings'],
      [
        'a long name',
        { ['k'.repeat(129)]: 'v' },
        `spotify-lake:tags.${'k'.repeat(129)}`,
        'tag names are 1-128',
      ],
      ['an empty name', { '': 'v' }, 'spotify-lake:tags.', 'tag names are 1-128'],
      ['a bad character', { 'team#1': 'v' }, 'spotify-lake:tags.team#1', 'tag names are 1-128'],
      ['the aws: prefix', { 'aws:team': 'v' }, 'spotify-lake:tags.aws:team', 'reserved'],
      [
        "the lake's prefix",
        { 'spotify-lake:stack': 'v' },
        'spotify-lake:tags.spotify-lake:stack',
        'reserved',
      ],
    ])('rejects %s, naming the tag', (_what, value, key, problem) => {
      const error = rejected(tags(value));
      expect(error.key).toBe(key);
      expect(error.message).toContain(problem);
    });

    it('rejects text that is not JSON', () => {
      expect(rejected({ 'spotify-lake:tags': 'team=analytics' }).message).toBe(
        'Invalid configuration spotify-lake:tags: must be an object of tag names to values (got "team=analytics")',
      );
    });

    it(`accepts at most ${MAX_USER_TAGS} tags, so that every resource stays within AWS's 50`, () => {
      const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']));
      expect(Object.keys(parse(tags(many(MAX_USER_TAGS))).tags)).toHaveLength(46);
      expect(rejected(tags(many(MAX_USER_TAGS + 1))).message).toContain('has 47 tags; at most 46');
    });
  });

  describe('unknown keys of the project namespace', () => {
    it('are typos, reported with the key they were probably meant to be', () => {
      const error = rejected({ 'spotify-lake:disposabledata': 'true' });
      expect(error.key).toBe('spotify-lake:disposabledata');
      expect(error.message).toContain(
        'is not a key of this program (did you mean spotify-lake:disposableData?)',
      );
    });

    it('list the known keys', () => {
      const error = rejected({ 'spotify-lake:bucketName': 'x' });
      expect(error.message).toBe(
        `Invalid configuration spotify-lake:bucketName: is not a key of this program; known keys: ${STACK_CONFIG_KEYS.map((k) => `${CONFIG_NAMESPACE}:${k}`).join(', ')}`,
      );
    });
  });

  describe('on a production stack', () => {
    it('refuses disposable data', () => {
      const error = rejected({ 'spotify-lake:disposableData': 'true' }, 'prod');
      expect(error.key).toBe('spotify-lake:disposableData');
      expect(error.message).toContain('"prod" is a production stack, whose data is never disposable');
    });

    it('refuses SSE-S3', () => {
      expect(rejected({ 'spotify-lake:encryption': 'sse-s3' }, 'prod').key).toBe('spotify-lake:encryption');
    });

    it('accepts protected, KMS-encrypted data', () => {
      expect(parse({ 'spotify-lake:disposableData': 'false' }, 'prod')).toMatchObject({
        encryption: 'kms',
        disposableData: false,
      });
    });
  });
});

describe('loadStackConfig', () => {
  it("reads the running stack's name and configuration from the Pulumi runtime", () => {
    setupPulumiMocks('dev-alice');
    pulumi.runtime.setAllConfig({ 'aws:region': 'us-east-1', 'spotify-lake:crawler': 'true' });
    expect(loadStackConfig()).toMatchObject({ stack: 'dev-alice', region: 'us-east-1', crawler: true });
    pulumi.runtime.setAllConfig({ 'aws:region': 'us-east-1', 'spotify-lake:crawler': 'maybe' });
    expect(() => loadStackConfig()).toThrow(
      'Invalid configuration spotify-lake:crawler: must be true or false',
    );
  });
});

describe('the ETL keys', () => {
  it('read every value in the spelling the Pulumi CLI passes', () => {
    const config = parse({
      'spotify-lake:etlWorkerType': 'G.2X',
      'spotify-lake:etlWorkers': '10',
      'spotify-lake:etlSchedule': 'cron(30 1 ? * MON-FRI *)',
      'spotify-lake:etlOnUpload': 'true',
      'spotify-lake:alertEmails': '["ops@example.com","data@example.org"]',
      'spotify-lake:dataQualityFailure': 'warn',
    });
    expect(config).toMatchObject({
      etlWorkerType: 'G.2X',
      etlWorkers: 10,
      etlSchedule: 'cron(30 1 ? * MON-FRI *)',
      etlOnUpload: true,
      alertEmails: ['ops@example.com', 'data@example.org'],
      dataQualityFailure: 'warn',
    });
    expect(parse({ 'spotify-lake:etlSchedule': 'off' }).etlSchedule).toBe(false);
  });

  it.each([
    ['etlWorkerType', 'G.025X', 'must be one of G.1X, G.2X'],
    ['etlWorkers', '1', 'must be a whole number of workers from 2 to 299 (got "1")'],
    ['etlWorkers', 'many', 'must be a whole number of workers from 2 to 299'],
    ['etlSchedule', 'daily', 'schedule must be cron(Minutes Hours Day-of-month Month Day-of-week Year)'],
    [
      'etlSchedule',
      'cron(0 3 * * * *)',
      'must have ? in exactly one of day-of-month and day-of-week, or off',
    ],
    ['etlOnUpload', 'yes', 'must be true or false (got "yes")'],
    ['alertEmails', 'ops@example.com', 'must be a list of email addresses (got "ops@example.com")'],
    ['alertEmails', '["ops"]', '[0] is not an email address: "ops"'],
    ['alertEmails', '["a@example.com","a@example.com"]', 'lists a@example.com twice'],
    ['dataQualityFailure', 'ignore', 'must be one of fail, warn (got "ignore")'],
  ])('spotify-lake:%s %j is refused, naming the key', (key, value, problem) => {
    const error = rejected({ [`spotify-lake:${key}`]: value });
    expect(error.key).toBe(`spotify-lake:${key}`);
    expect(error.message).toContain(`Invalid configuration spotify-lake:${key}: `);
    expect(error.message).toContain(problem);
  });
});
