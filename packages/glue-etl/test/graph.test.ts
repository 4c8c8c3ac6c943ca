import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseArgs, buildJob, FIXTURE_CODE } from './support/fixture';
import { type RecordedResource, setupPulumiMocks } from './support/pulumi-mocks';

const mocks = setupPulumiMocks({ stack: 'prod' });

/** A recorded FileAsset input, whose path is a promise. */
interface RecordedAsset {
  __pulumiAsset: true;
  path: Promise<string>;
}
const isAsset = (value: unknown): value is RecordedAsset =>
  typeof value === 'object' &&
  value !== null &&
  (value as { __pulumiAsset?: unknown }).__pulumiAsset === true;

/**
 * Type, name, parent, options, dependencies and inputs of every resource, sorted, policies parsed, a file asset
 * shown by its file name. Built over the fixture code of test/fixtures, so the code hash is stable.
 */
async function graphOf(resources: readonly RecordedResource[]) {
  const sorted = [...resources].sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(
    sorted.map(async (r) => {
      const inputs = { ...r.inputs };
      if (isAsset(inputs.source)) inputs.source = { fileAsset: basename(await inputs.source.path) };
      return {
        type: r.type,
        name: r.name,
        parent: r.parent ?? null,
        protect: r.protect,
        dependencies: [...r.dependencies].sort(),
        inputs: JSON.parse(JSON.stringify(inputs), (key, value) =>
          ['policy', 'assumeRolePolicy', 'eventPattern'].includes(key) && typeof value === 'string'
            ? JSON.parse(value)
            : value,
        ),
      };
    }),
  );
}

describe('GlueEtlJob resource graph', () => {
  it('matches the snapshot with default args, taken after every registration settled', async () => {
    const { resources } = await buildJob(mocks, 'snap', baseArgs({ code: FIXTURE_CODE }));
    expect(await graphOf(resources)).toMatchSnapshot();
  });

  it('matches the snapshot with the on-upload trigger and alert emails', async () => {
    const { resources } = await buildJob(
      mocks,
      'snapall',
      baseArgs({
        code: FIXTURE_CODE,
        onUpload: { enabled: true },
        alertEmails: ['ops@example.com'],
        dataQualityFailure: 'warn',
      }),
    );
    expect(await graphOf(resources)).toMatchSnapshot();
  });
});
