import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { describe, expect, it } from 'vitest';
import { type GlueEtlJobArgs, resolveGlueEtlJobArgs } from '../src';

const base: GlueEtlJobArgs = {
  lake: { dataBucketName: 'd', dataBucketArn: 'arn:aws:s3:::d' },
  catalog: { databaseName: 'db' },
  code: glueJobAssets(),
};
const error = (over: Record<string, unknown>) => () =>
  resolveGlueEtlJobArgs('etl', { ...base, ...over } as unknown as GlueEtlJobArgs);

describe('GlueEtlJob argument checks name the component and the option', () => {
  it.each([
    [{ workerType: 'G.025X' }, 'workerType must be one of G.1X, G.2X'],
    [{ numberOfWorkers: 1 }, 'numberOfWorkers must be a whole number from 2 to 299; got 1'],
    [{ numberOfWorkers: 2.5 }, 'numberOfWorkers must be a whole number from 2 to 299; got 2.5'],
    [{ timeoutMinutes: 0 }, 'timeoutMinutes must be a whole number from 1 to 2880; got 0'],
    [{ maxRetries: 11 }, 'maxRetries must be a whole number from 0 to 10; got 11'],
    [{ schedule: 'rate(1 day)' }, 'schedule must be cron(Minutes Hours Day-of-month Month Day-of-week Year)'],
    [{ schedule: 'cron(0 3 * * * *)' }, 'must have ? in exactly one of day-of-month and day-of-week'],
    [{ schedule: true }, 'schedule must be a cron expression or false; got true'],
    [
      { onUpload: { enabled: true, batchSize: 0 } },
      'onUpload.batchSize must be a whole number from 1 to 100; got 0',
    ],
    [
      { onUpload: { enabled: true, batchWindowSeconds: 901 } },
      'onUpload.batchWindowSeconds must be a whole number from 1 to 900',
    ],
    [{ onUpload: { enabled: 'yes' } }, 'onUpload.enabled must be true or false; got "yes"'],
    [
      { onUpload: { enable: true } },
      'unknown onUpload option "enable"; expected enabled, batchSize, batchWindowSeconds',
    ],
    [{ dataQualityFailure: 'ignore' }, 'dataQualityFailure must be one of fail, warn; got "ignore"'],
    [{ alertEmails: 'ops@example.com' }, 'alertEmails must be a list of email addresses'],
    [{ alertEmails: ['not-an-address'] }, 'alertEmails[0] is not an email address: "not-an-address"'],
    [{ alertEmails: ['a@example.com', 'A@example.com'] }, 'alertEmails lists A@example.com twice'],
    [{ workers: 3 }, 'unknown option "workers"'],
    [{ transform: { jobb: {} } }, 'unknown transform hook "jobb"'],
    [{ lake: { dataBucketName: 'd' } }, 'lake is missing dataBucketArn'],
    [{ lake: { ...base.lake, zones: { staging: '/staging' } } }, 'lake.zones.staging must be a key prefix'],
    [{ catalog: {} }, 'catalog is required: a LakeCatalog or an object with databaseName'],
    [{ code: undefined }, 'code is required'],
    [{ code: { script: '/x.py', modules: [] } }, 'unknown code option "modules"'],
  ])('%j', (over, message) => {
    expect(error(over)).toThrow(`GlueEtlJob "etl": `);
    expect(error(over)).toThrow(message);
  });

  it('accepts schedule false (no scheduled trigger) and a schedule with spaces around it', () => {
    expect(resolveGlueEtlJobArgs('etl', { ...base, schedule: false }).schedule).toBeUndefined();
    expect(resolveGlueEtlJobArgs('etl', { ...base, schedule: ' cron(0 6 ? * MON *) ' }).schedule).toBe(
      'cron(0 6 ? * MON *)',
    );
  });
});
