import { describe, expect, it } from 'vitest';
import { csvField, formatCsv, formatJson, formatTable, jsonValue } from '../../src/cli/format';
import { aggregate, column } from '../../src/define/columns';

const columns = [column('artist_name'), column('followers'), aggregate('avg', 'double', 'x')];
const rows = [
  { artist_name: 'Beyoncé, "Queen B"', followers: 2_147_483_648n, avg: 1.5 },
  { artist_name: null, followers: 2n ** 60n, avg: 0 },
];

describe('output formats', () => {
  it('json: bigints as numbers when safe, else strings; nothing else', () => {
    expect(jsonValue(9_007_199_254_740_991n)).toBe(9_007_199_254_740_991);
    expect(jsonValue(9_007_199_254_740_992n)).toBe('9007199254740992');
    expect(JSON.parse(formatJson(rows))).toEqual([
      { artist_name: 'Beyoncé, "Queen B"', followers: 2147483648, avg: 1.5 },
      { artist_name: null, followers: '1152921504606846976', avg: 0 },
    ]);
    expect(formatJson([])).toBe('[]\n');
  });

  it('csv: RFC 4180 quoting, NULL as an empty field', () => {
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(formatCsv(columns, rows)).toBe(
      'artist_name,followers,avg\r\n"Beyoncé, ""Queen B""",2147483648,1.5\r\n,1152921504606846976,0\r\n',
    );
  });

  it('table: aligned, numbers to the right, NULL shown', () => {
    expect(formatTable(columns, rows)).toBe(
      [
        `artist_name${' '.repeat(19)}followers  avg`,
        '------------------  -------------------  ---',
        'Beyoncé, "Queen B"           2147483648  1.5',
        'NULL                1152921504606846976    0',
        '(2 rows)',
        '',
      ].join('\n'),
    );
  });
});
