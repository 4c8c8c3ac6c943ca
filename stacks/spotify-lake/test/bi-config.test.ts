import { describe, expect, it } from 'vitest';
import { principalList } from '../src/bi-config';
import { parseStackConfig } from '../src/config';
import { StackConfigError } from '../src/config-error';

const REGION = { 'aws:region': 'eu-west-1' } as const;
const parse = (extra: Record<string, string>) => parseStackConfig('dev', { ...REGION, ...extra });
function rejected(extra: Record<string, string>): StackConfigError {
  try {
    parse(extra);
  } catch (error) {
    expect(error).toBeInstanceOf(StackConfigError);
    return error as StackConfigError;
  }
  throw new Error(`expected ${JSON.stringify(extra)} to be rejected`);
}

describe('the QuickSight keys', () => {
  it('read the owners and viewers, the import mode and the refresh', () => {
    expect(
      parse({
        'spotify-lake:quicksight': 'true',
        'spotify-lake:quicksightOwners': '["group/bi-authors"]',
        'spotify-lake:quicksightViewers':
          '["group/analysts","arn:aws:quicksight:us-east-1:123456789012:user/default/alice"]',
        'spotify-lake:quicksightImportMode': 'spice',
        'spotify-lake:quicksightRefresh': 'hourly',
      }),
    ).toMatchObject({
      quicksight: true,
      quicksightOwners: ['group/bi-authors'],
      quicksightViewers: ['group/analysts', 'arn:aws:quicksight:us-east-1:123456789012:user/default/alice'],
      quicksightImportMode: 'spice',
      quicksightRefresh: 'hourly',
    });
  });

  it('name the key of a bad value', () => {
    expect(rejected({ 'spotify-lake:quicksight': 'yes' }).key).toBe('spotify-lake:quicksight');
    const owners = rejected({ 'spotify-lake:quicksightOwners': '"analysts"' });
    expect(owners.message).toBe(
      'Invalid configuration spotify-lake:quicksightOwners: must be a list of QuickSight groups or users, e.g. ["group/analysts"] (got "\\"analysts\\"")',
    );
    expect(rejected({ 'spotify-lake:quicksightViewers': '["analysts"]' }).message).toMatch(
      /spotify-lake:quicksightViewers: item 0 must be a QuickSight user or group ARN/,
    );
    expect(rejected({ 'spotify-lake:quicksightImportMode': 'SPICE' }).message).toMatch(
      /quicksightImportMode: must be one of direct-query, spice \(got "SPICE"\)/,
    );
  });

  it('refuse a dashboard nobody may open', () => {
    const nobody = rejected({ 'spotify-lake:quicksight': 'true' });
    expect(nobody.key).toBe('spotify-lake:quicksightViewers');
    expect(nobody.message).toMatch(/nobody could open the dashboard/);
  });

  it('accept group/<name>, user/<name> and ARNs', () => {
    expect(principalList('k', '[]')).toEqual([]);
    expect(principalList('k', '["user/alice@example.com"]')).toEqual(['user/alice@example.com']);
  });
});
