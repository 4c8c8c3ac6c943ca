import { SOURCE_NAMES } from '@spotify-lake/contract';
import { describe, expect, it } from 'vitest';
import {
  assertGlueDatabaseName,
  assertWorkgroupName,
  defaultDatabaseName,
  defaultWorkgroupName,
  GLUE_DATABASE_NAME_MAX_LENGTH,
  stagingTableName,
  WORKGROUP_NAME_MAX_LENGTH,
} from '../src/naming';

describe('stagingTableName', () => {
  it('names each source table staging_<source>', () => {
    expect(SOURCE_NAMES.map(stagingTableName)).toEqual([
      'staging_albums',
      'staging_artists',
      'staging_tracks',
    ]);
  });
});

describe('defaultDatabaseName', () => {
  it('joins component and stack with an underscore', () => {
    expect(defaultDatabaseName('catalog', 'prod')).toBe('catalog_prod');
  });

  it('lowercases and replaces characters Glue refuses', () => {
    expect(defaultDatabaseName('Spotify-Lake', 'dev.eu-west-1')).toBe('spotify_lake_dev_eu_west_1');
    expect(defaultDatabaseName('a--b', '__c__')).toBe('a_b_c');
  });

  it('differs per stack and per instance', () => {
    const names = new Set([
      defaultDatabaseName('catalog', 'dev'),
      defaultDatabaseName('catalog', 'prod'),
      defaultDatabaseName('other', 'dev'),
    ]);
    expect(names.size).toBe(3);
  });

  it('starts with a letter so Athena reads it unquoted', () => {
    expect(defaultDatabaseName('1lake', 'dev')).toBe('lake_1lake_dev');
    expect(defaultDatabaseName('-', '-')).toBe('lake');
  });

  it('stays within 255 characters and passes its own check', () => {
    const name = defaultDatabaseName('c'.repeat(200), `${'s'.repeat(199)}-x`);
    expect(name.length).toBeLessThanOrEqual(GLUE_DATABASE_NAME_MAX_LENGTH);
    for (const candidate of [
      name,
      defaultDatabaseName('My Catalog!', 'Prod'),
      defaultDatabaseName('9', '9'),
    ]) {
      expect(() => assertGlueDatabaseName(candidate)).not.toThrow();
    }
  });
});

describe('assertGlueDatabaseName', () => {
  it.each([
    ['Upper', /lowercase letters, digits and underscores/],
    ['with-dash', /lowercase letters/],
    ['1starts_with_digit', /starting with a letter/],
    ['', /1-255 characters; got 0/],
    ['a'.repeat(256), /1-255 characters; got 256/],
  ])('rejects %j', (name, message) => {
    expect(() => assertGlueDatabaseName(name)).toThrow(message);
  });

  it('names the option in its message', () => {
    expect(() => assertGlueDatabaseName('Bad', 'databaseName')).toThrow(/^databaseName "Bad"/);
  });
});

describe('workgroup names', () => {
  it('defaults to <component>-<stack> with only characters Athena accepts', () => {
    expect(defaultWorkgroupName('catalog', 'prod')).toBe('catalog-prod');
    expect(defaultWorkgroupName('my catalog', 'org/prod')).toBe('my-catalog-org-prod');
    expect(defaultWorkgroupName('x'.repeat(100), 'y'.repeat(100))).toHaveLength(WORKGROUP_NAME_MAX_LENGTH);
  });

  it('rejects names Athena refuses', () => {
    expect(() => assertWorkgroupName('has space')).toThrow(
      /workgroupName "has space" must be 1-128 characters/,
    );
    expect(() => assertWorkgroupName('')).toThrow(/workgroupName/);
    expect(() => assertWorkgroupName('w'.repeat(129))).toThrow(/1-128/);
    expect(() => assertWorkgroupName('Team_A.analytics-1')).not.toThrow();
  });
});
