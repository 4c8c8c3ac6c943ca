import {
  DescribeDashboardDefinitionCommand,
  QuickSightClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-quicksight';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileDefinition } from '../../src/compile/definition';
import { checkDashboardDrift, definitionDifferences, formatDriftReport } from '../../src/drift/check-drift';
import { loadSchema, SCHEMAS_MISSING, toCfn } from '../support/cfn-schema';
import { sampleModel } from '../support/sample-model';

const target = { dataSetArn: (id: string) => `arn:aws:quicksight:eu-west-1:123456789012:dataset/bi-${id}` };
const expected = compileDefinition(sampleModel(), target);

/**
 * The definition as DescribeDashboardDefinition returns it: the API's PascalCase names (acronyms included,
 * `KPIVisual`), taken from the CloudFormation schema, plus the empty defaults QuickSight fills in.
 */
function liveDefinition(): Record<string, unknown> {
  const root = loadSchema('aws-quicksight-dashboard.json');
  const live = toCfn(root, expected, { $ref: '#/definitions/DashboardVersionDefinition' }) as Record<
    string,
    unknown
  >;
  return { ...live, FilterGroups: [], CalculatedFields: [], AnalysisDefaults: {} };
}

const quicksight = mockClient(QuickSightClient);
beforeEach(() => quicksight.reset());
const check = () =>
  checkDashboardDrift({
    client: new QuickSightClient({ region: 'eu-west-1' }),
    awsAccountId: '123456789012',
    dashboardId: 'bi',
    expected,
  });

describe.skipIf(SCHEMAS_MISSING)('checkDashboardDrift', () => {
  it('reports in-sync when the live definition is the compiled one', async () => {
    quicksight
      .on(DescribeDashboardDefinitionCommand)
      .resolves({ Definition: liveDefinition() as never, Status: 200 });
    const report = await check();
    expect(report).toEqual({ dashboardId: 'bi', status: 'in-sync', differences: [] });
    expect(quicksight.commandCalls(DescribeDashboardDefinitionCommand)[0]!.args[0].input).toEqual({
      AwsAccountId: '123456789012',
      DashboardId: 'bi',
    });
    expect(formatDriftReport(report)).toBe('dashboard bi: in sync with the compiled definition');
  });

  it('reports a title edited in the console, by path in the API names', async () => {
    const live = liveDefinition() as {
      Sheets: { Visuals: Record<string, { Title: { FormatText: { PlainText: string } } }>[] }[];
    };
    live.Sheets[0]!.Visuals[0]!.KPIVisual!.Title.FormatText.PlainText = 'Tracks (edited)';
    quicksight.on(DescribeDashboardDefinitionCommand).resolves({ Definition: live as never });
    const report = await check();
    expect(report.status).toBe('drifted');
    expect(report.differences).toEqual([
      {
        path: 'Sheets[0].Visuals[0].KPIVisual.Title.FormatText.PlainText',
        expected: 'Tracks',
        actual: 'Tracks (edited)',
      },
    ]);
    expect(formatDriftReport(report)).toContain(
      'Sheets[0].Visuals[0].KPIVisual.Title.FormatText.PlainText: expected "Tracks", found "Tracks (edited)"',
    );
  });

  it('reports a visual added or removed in the console', async () => {
    const live = liveDefinition() as { Sheets: { Visuals: unknown[] }[] };
    live.Sheets[0]!.Visuals.push({ KPIVisual: { VisualId: 'added' } });
    quicksight.on(DescribeDashboardDefinitionCommand).resolves({ Definition: live as never });
    const added = await check();
    expect(added.differences).toEqual([
      { path: 'Sheets[0].Visuals[7]', expected: undefined, actual: { KPIVisual: { VisualId: 'added' } } },
    ]);
    live.Sheets[0]!.Visuals.splice(6, 2);
    const removed = await check();
    expect(removed.differences[0]).toMatchObject({ path: 'Sheets[0].Visuals[6]', actual: undefined });
  });

  it('reports a dashboard that no longer exists', async () => {
    quicksight
      .on(DescribeDashboardDefinitionCommand)
      .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    const report = await check();
    expect(report.status).toBe('missing');
    expect(formatDriftReport(report)).toBe('dashboard bi: not found in the account');
  });

  it('lets other errors through (access denied is not drift)', async () => {
    quicksight.on(DescribeDashboardDefinitionCommand).rejects(new Error('AccessDeniedException'));
    await expect(check()).rejects.toThrow('AccessDeniedException');
  });
});

describe('definitionDifferences', () => {
  it('matches names without case and numbers returned as strings', () => {
    expect(
      definitionDifferences({ kpiVisual: { itemsLimit: 10 } }, { KPIVisual: { ItemsLimit: '10' } }),
    ).toEqual([]);
    expect(definitionDifferences({ a: 1 }, { A: 2 })).toEqual([{ path: 'A', expected: 1, actual: 2 }]);
  });
});
