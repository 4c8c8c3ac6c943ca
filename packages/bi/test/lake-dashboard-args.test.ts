import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LakeDashboardArgs } from '../src/lake-dashboard-args';
import { defaultDashboardId, defaultRefreshSchedule, resolveLakeDashboardArgs } from '../src/validation';
import { sampleModel } from './support/sample-model';

/**
 * The `@default` of every argument is written once, in the doc comments of src/lake-dashboard-args.ts; these
 * tests read them and check that the component applies exactly that.
 */
const SOURCE = readFileSync(join(__dirname, '../src/lake-dashboard-args.ts'), 'utf8');
const BODY = SOURCE.slice(SOURCE.indexOf('export interface LakeDashboardArgs'));

const documented = Object.fromEntries(
  [...BODY.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\??:/g)]
    .map((m) => [m[2]!, /@default (.*)/.exec(m[1]!)?.[1]?.trim()] as const)
    .filter(([, text]) => text !== undefined),
) as Record<string, string>;

const source = {
  workgroupName: 'w',
  databaseName: 'd',
  dataBucketArn: 'arn:aws:s3:::d',
  resultsBucketArn: 'arn:aws:s3:::r',
  resultsPrefix: 'athena-results',
};
const resolve = (over: Partial<LakeDashboardArgs> = {}) =>
  resolveLakeDashboardArgs('bi', { model: sampleModel(), source, ...over }, 'dev');

describe('documented defaults', () => {
  it('documents a default for every optional argument', () => {
    const optional = [...BODY.slice(0, BODY.indexOf('\n}\n')).matchAll(/^\s{2}(\w+)\?:/gm)].map((m) => m[1]);
    expect(Object.keys(documented).sort()).toEqual(optional.sort());
  });

  it('applies the documented literal defaults', () => {
    const resolved = resolve();
    expect(documented.importMode).toBe("'DIRECT_QUERY'");
    expect(resolved.importMode).toBe('DIRECT_QUERY');
    expect(documented.owners).toBe('[]');
    expect(resolved.owners).toEqual([]);
    expect(documented.viewers).toBe('[]');
    expect(resolved.viewers).toEqual([]);
    expect(documented.tags).toBe('{}');
    expect(documented.transform).toBe('{}');
  });

  it('applies the documented derived defaults', () => {
    expect(documented.dashboardId).toMatch(
      /^`<component name>-<stack>` sanitised \(defaultDashboardId\(\)\)/,
    );
    expect(resolve().dashboardId).toBe('bi-dev');
    expect(defaultDashboardId('my lake', 'prod.eu')).toBe('my-lake-prod-eu');
    expect(documented.displayName).toBe("the model's title");
    expect(resolve().displayName).toBe(sampleModel().title);
    expect(documented.refreshSchedule).toMatch(
      /^undefined: with SPICE, defaultRefreshSchedule\(\) \(daily at 03:00 UTC\)/,
    );
    expect(resolve().refreshSchedule).toBeUndefined();
    const noControls = {
      ...sampleModel(),
      datasets: sampleModel().datasets.filter((d) => d.parameters.length === 0),
      controls: [],
    };
    noControls.sheets = [
      {
        ...noControls.sheets[0]!,
        controls: [],
        visuals: noControls.sheets[0]!.visuals.filter((v) =>
          noControls.datasets.some((d) => d.id === v.dataset),
        ),
      },
    ];
    expect(resolve({ model: noControls, importMode: 'SPICE' }).refreshSchedule).toEqual(
      defaultRefreshSchedule(),
    );
    expect(defaultRefreshSchedule()).toEqual({ interval: 'DAILY', timeOfTheDay: '03:00', timezone: 'UTC' });
  });
});
