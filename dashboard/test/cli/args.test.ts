import { describe, expect, it } from 'vitest';
import { parseOptions, parsePort, UsageError } from '../../src/cli/args';

describe('command-line options', () => {
  it('reads --name value and --name=value, and --help', () => {
    expect(parseOptions(['--lake', 'x', '--port=8080'], ['lake', 'port'])).toEqual({
      lake: 'x',
      port: '8080',
    });
    expect(parseOptions(['--help'], ['lake'])).toEqual({ help: 'true' });
  });

  it('refuses unknown, repeated and valueless options, naming them', () => {
    expect(() => parseOptions(['--lak', 'x'], ['lake', 'port'])).toThrow(
      new UsageError('unknown option --lak; options: --lake, --port'),
    );
    expect(() => parseOptions(['--lake', 'a', '--lake', 'b'], ['lake'])).toThrow('--lake is given twice');
    expect(() => parseOptions(['--lake'], ['lake'])).toThrow('--lake needs a value');
    expect(() => parseOptions(['lake'], ['lake'])).toThrow('unexpected argument "lake"');
    // An option where a value belongs is not taken as the value.
    expect(() => parseOptions(['--lake', '--port', '1'], ['lake', 'port'])).toThrow('--lake needs a value');
    expect(() => parseOptions(['--help=yes'], ['lake'])).toThrow('--help takes no value');
    expect(() => parseOptions(['-l', 'x'], ['lake'])).toThrow('unknown option -l; options: --lake');
  });

  it('reads a port from 0 to 65535', () => {
    expect(parsePort(undefined, 4310)).toBe(4310);
    expect(parsePort('0', 4310)).toBe(0);
    expect(() => parsePort('70000', 1)).toThrow('--port must be a whole number from 0 to 65535; got "70000"');
  });
});
