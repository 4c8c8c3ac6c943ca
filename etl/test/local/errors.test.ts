import { describe, expect, it } from 'vitest';
import { EtlInputError } from '../../src/local/errors';

describe('EtlInputError', () => {
  it('names the file, line and column in its message and fields', () => {
    const error = new EtlInputError({ file: 'in/albums.csv', row: 1, column: 'track_id' }, 'is missing');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EtlInputError');
    expect(error.message).toBe('in/albums.csv, line 1, column track_id: is missing');
    expect(error).toMatchObject({ file: 'in/albums.csv', row: 1, column: 'track_id' });
  });

  it('leaves out what it does not know and keeps the cause', () => {
    const cause = new Error('EACCES');
    const error = new EtlInputError({ file: 'x.csv' }, 'cannot be read', { cause });
    expect(error.message).toBe('x.csv: cannot be read');
    expect(error.row).toBeUndefined();
    expect(error.column).toBeUndefined();
    expect(error.cause).toBe(cause);
  });
});
