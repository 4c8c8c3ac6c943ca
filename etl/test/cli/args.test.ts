import { describe, expect, it } from 'vitest';
import { DEFAULT_LAKE_DIR, DEFAULT_SAMPLE_TRACKS, parseCliArgs, USAGE, UsageError } from '../../src/cli/args';

const usageError = (argv: string[]) => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('parseCliArgs', () => {
  it('defaults to a generated sample of 20,000 rows, seed 42, 1% bad rows, into ./.lake', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      inputDir: undefined,
      lakeDir: './.lake',
      tracks: 20_000,
      seed: 42,
      badRowShare: 0.01,
      threads: undefined,
      memoryLimit: undefined,
      json: false,
      quiet: false,
      force: false,
      dataQuality: 'fail',
    });
    expect(DEFAULT_LAKE_DIR).toBe('./.lake');
    expect(DEFAULT_SAMPLE_TRACKS).toBe(20_000);
  });

  it('reads every option', () => {
    expect(
      parseCliArgs([
        '--input',
        'in',
        '--lake',
        'out',
        '--threads',
        '4',
        '--memory-limit',
        '2GB',
        '--json',
        '--quiet',
        '--force',
      ]),
    ).toMatchObject({
      inputDir: 'in',
      lakeDir: 'out',
      threads: 4,
      memoryLimit: '2GB',
      json: true,
      quiet: true,
      force: true,
    });
    expect(parseCliArgs(['--tracks', '500', '--seed', '7', '--bad-rows', '0.2'])).toMatchObject({
      tracks: 500,
      seed: 7,
      badRowShare: 0.2,
    });
    expect(parseCliArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['stray'], 'unexpected argument stray (options take the form --name value)'],
    [['--input'], 'option --input needs a value'],
    [['--lake', ''], '--lake needs a folder path, got an empty value'],
    [['--tracks', 'many'], '--tracks must be a whole number, got "many"'],
    [['--tracks', '0'], '--tracks must be from 1 to 50000000, got 0'],
    [['--seed=-1'], '--seed must be a whole number, got "-1"'],
    [['--seed', '-1'], 'option --seed needs a value (write --seed=VALUE for a value starting with -)'],
    [['--bad-rows', '0.9'], '--bad-rows must be a number from 0 to 0.5, got "0.9"'],
    [['--threads', '0'], '--threads must be from 1 to 256, got 0'],
    [['--memory-limit', 'lots'], '--memory-limit must look like 512MB or 2GB, got "lots"'],
    [
      ['--input', 'x', '--tracks', '5'],
      '--tracks only applies to the generated sample; it cannot be used with --input',
    ],
  ])('rejects %j: %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });

  it('documents every option and default in the usage', () => {
    for (const text of [
      '--input DIR',
      '--lake DIR',
      '(default: ./.lake)',
      '(default: 20000)',
      '(default: 42)',
      '(default: 2)',
      '(default: 1.25GB)',
    ]) {
      expect(USAGE).toContain(text);
    }
  });
});
