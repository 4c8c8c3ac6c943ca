import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../../src/cli/args';

describe('parseCliArgs', () => {
  it('has documented defaults: table format, local engine, ./.lake', () => {
    const args = parseCliArgs(['genre-counts']);
    expect(args).toMatchObject({
      query: 'genre-counts',
      format: 'table',
      engine: 'local',
      lake: './.lake',
      list: false,
    });
    expect([...args.params]).toEqual([]);
  });

  it('reads repeated --param key=value, keeping = in values', () => {
    const args = parseCliArgs([
      'track-search',
      '--param',
      'text=a=b',
      '-p',
      'limit=3',
      '--format',
      'json',
      '--lake',
      '/tmp/l',
    ]);
    expect([...args.params]).toEqual([
      ['text', 'a=b'],
      ['limit', '3'],
    ]);
    expect(args).toMatchObject({ format: 'json', lake: '/tmp/l' });
  });

  it('reads the Athena options', () => {
    const args = parseCliArgs([
      'lake-summary',
      '--engine',
      'athena',
      '--workgroup',
      'wg',
      '--database',
      'db',
      '--region',
      'eu-west-1',
      '--timeout',
      '90',
      '--reuse',
      '60',
    ]);
    expect(args).toMatchObject({
      engine: 'athena',
      workgroup: 'wg',
      database: 'db',
      region: 'eu-west-1',
      timeoutSeconds: 90,
      reuseMinutes: 60,
    });
  });

  it.each([
    [['x', '--format', 'xml'], '--format must be one of table, json, csv; got "xml"'],
    [['x', '--engine', 'spark'], '--engine must be one of local, athena; got "spark"'],
    [['x', '--param', 'novalue'], '--param expects key=value; got "novalue"'],
    [['x', '-p', 'a=1', '-p', 'a=2'], '--param a is given twice'],
    [[], 'name a query, or pass --list'],
    [['a', 'b'], 'one query name expected, got: a b'],
    [['x', '--engine', 'athena', '--database', 'd'], '--engine athena needs --workgroup'],
    [['x', '--engine', 'athena', '--workgroup', 'w'], '--engine athena needs --database'],
    [['x', '--workgroup', 'w'], '--workgroup applies to --engine athena only'],
    [
      ['x', '--engine', 'athena', '--workgroup', 'w', '--database', 'd', '--lake', 'l'],
      '--lake applies to the local engine only',
    ],
    [['x', '--timeout', '0'], '--timeout must be a positive number; got "0"'],
    [['x', '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv as string[])).toThrow(message);
    expect(() => parseCliArgs(argv as string[])).toThrow(CliUsageError);
  });
});
