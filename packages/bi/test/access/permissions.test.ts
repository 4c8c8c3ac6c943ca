import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_OWNER_ACTIONS,
  assertQuickSightPrincipal,
  assetPermissions,
  DASHBOARD_VIEWER_ACTIONS,
  quickSightPrincipalArn,
} from '../../src/access/permissions';

const OWNER = 'arn:aws:quicksight:eu-west-1:123456789012:group/default/authors';
const VIEWER = 'arn:aws:quicksight:eu-west-1:123456789012:group/default/readers';

describe('assetPermissions', () => {
  it('gives owners the owner actions of each asset and viewers the dashboard only', () => {
    const principals = { owners: [OWNER], viewers: [VIEWER, OWNER] };
    expect(assetPermissions('analysis', principals)).toEqual([
      { principal: OWNER, actions: [...ANALYSIS_OWNER_ACTIONS] },
    ]);
    expect(assetPermissions('dashboard', principals).map((p) => p.principal)).toEqual([OWNER, VIEWER]);
    expect(assetPermissions('dashboard', principals)[1]!.actions).toEqual([...DASHBOARD_VIEWER_ACTIONS]);
    expect(assetPermissions('dataSet', { owners: [], viewers: [VIEWER] })).toEqual([]);
  });

  it('never grants more than QuickSight accepts per principal (20 actions) nor a wildcard', () => {
    for (const asset of ['dataSource', 'dataSet', 'analysis', 'dashboard'] as const) {
      for (const p of assetPermissions(asset, { owners: [OWNER], viewers: [VIEWER] })) {
        expect(p.actions.length).toBeLessThanOrEqual(20);
        expect(p.actions.every((a) => /^quicksight:[A-Z][A-Za-z]+$/.test(a))).toBe(true);
      }
    }
  });
});

describe('principals', () => {
  it('accepts ARNs and group/<name>, user/<name>, and resolves the names in the identity region', () => {
    expect(() => assertQuickSightPrincipal(OWNER, 'x')).not.toThrow();
    expect(() => assertQuickSightPrincipal('group/analysts', 'x')).not.toThrow();
    expect(() => assertQuickSightPrincipal('analysts', 'owners[0]')).toThrow(
      /^owners\[0\] must be a QuickSight user or group ARN/,
    );
    const where = { partition: 'aws', identityRegion: 'us-east-1', accountId: '123456789012' };
    expect(quickSightPrincipalArn('group/analysts', where)).toBe(
      'arn:aws:quicksight:us-east-1:123456789012:group/default/analysts',
    );
    expect(quickSightPrincipalArn(OWNER, where)).toBe(OWNER);
  });
});
