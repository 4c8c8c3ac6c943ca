import { describe, expect, it } from 'vitest';
import { GLUE_JOB_ARGUMENTS, glueJobContract, JOB_RUN_ID_PATTERN } from '../src/glue-job-contract';
import { RUN_ID_PATTERN } from '../src/local-lake';

describe('the Glue job contract', () => {
  it("recognises the run ids the job's files carry: Glue's job run ids and the local runner's", () => {
    expect(JOB_RUN_ID_PATTERN.test(`jr_${'0123456789abcdef'.repeat(4)}`)).toBe(true);
    const local = '2026-12-05T06-13-07-123Z-a1b2c3';
    expect(RUN_ID_PATTERN.test(local)).toBe(true);
    expect(JOB_RUN_ID_PATTERN.test(local)).toBe(true);
  });

  it('refuses names another writer gives its files, so a later run never takes them for its own', () => {
    for (const id of [
      'jr_first',
      `jr_${'0123456789abcdef'.repeat(4)}0`,
      `JR_${'0123456789ABCDEF'.repeat(4)}`,
      '6c2f7a1e-0d3b-4c6e-9c1a-1f2e3d4c5b6a-c000.snappy',
      '2026-12-05T06-13-07-123Z-a1b2c3x',
      '',
    ]) {
      expect(JOB_RUN_ID_PATTERN.test(id), id).toBe(false);
    }
  });

  it('hands the job the pattern, its arguments and its manifest marker as plain data', () => {
    const contract = glueJobContract();
    expect(new RegExp(contract.jobRunIdPattern).source).toBe(JOB_RUN_ID_PATTERN.source);
    expect(contract.jobArguments.map((a) => a.name)).toEqual(GLUE_JOB_ARGUMENTS.map((a) => a.name));
    expect(contract.jobManifest).toEqual({ tool: 'spotify-lake', manifest: 'glue-job', version: 1 });
  });
});
