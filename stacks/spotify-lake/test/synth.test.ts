import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { glueJobAssets } from '@spotify-lake/etl/glue-job';
import { codeBundle } from '@spotify-lake/glue-etl';
import { describe, expect, it, vi } from 'vitest';
import { parseSynthArgs } from '../src/synth/cli';
import {
  inputsThatMatter,
  type SynthResource,
  SynthUsageError,
  synthesize,
  synthTable,
} from '../src/synth/synth';
import { PROJECT_DIR } from './support/stack-files';

const CLI = join(PROJECT_DIR, 'dist', 'synth', 'cli.js');
/** The job code's hash changes with every edit of etl/glue-job; the snapshots show a placeholder instead. */
const CODE_HASH = codeBundle(glueJobAssets(), 'scripts/', 'spotify').hash;
const stable = (resources: readonly SynthResource[]) =>
  JSON.parse(JSON.stringify(resources).replaceAll(CODE_HASH, '<code-hash>'));

/** Synthesizes a stack in this process, the program loaded afresh. */
async function synth(stack: string): Promise<SynthResource[]> {
  vi.resetModules();
  return synthesize(stack);
}

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe.each(['dev', 'prod'])('the %s stack graph', (stack) => {
  it('matches the snapshot: every resource with its type, parent, full inputs and protection', async () => {
    const resources = await synth(stack);
    expect(resources.map((r) => r.type)).toContain('spotify:etl:GlueEtlJob');
    expect(stable(resources)).toMatchSnapshot();
  }, 60_000);
});

describe('synthesize', () => {
  it('includes the resources that register late, and shows file assets by their repository path', async () => {
    const resources = await synth('dev');
    expect(resources.filter((r) => r.type === 'aws:athena/namedQuery:NamedQuery').length).toBeGreaterThan(0);
    const script = resources.find((r) => r.name === 'spotify-code-spotify-etl-job-py')!;
    expect(script.inputs.source).toEqual({ fileAsset: 'etl/glue-job/spotify_etl_job.py' });
    expect(Object.keys(script)).toEqual(['type', 'name', 'parent', 'inputs', 'protect', 'retainOnDelete']);
    const names = resources.map((r) => `${r.name} ${r.type}`);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  }, 60_000);

  it('shows protection as each stack sets it: none in dev, the data retained in prod', async () => {
    expect((await synth('dev')).filter((r) => r.protect || r.retainOnDelete)).toEqual([]);
    const prod = await synth('prod');
    expect(prod.find((r) => r.name === 'spotify-data')).toMatchObject({
      protect: true,
      retainOnDelete: true,
    });
  }, 60_000);

  it('refuses a stack without a stack file, naming the stacks there are', async () => {
    await expect(synthesize('staging')).rejects.toThrow(
      new SynthUsageError('unknown stack "staging": there is no Pulumi.staging.yaml; stacks: dev, prod'),
    );
  });
});

describe('the synth table and arguments', () => {
  it('shows plain inputs, cut when long, and leaves out tags and JSON documents', () => {
    expect(
      inputsThatMatter(
        { bucket: 'b', tags: { a: 'b' }, policy: '{"Statement":[]}', long: 'x'.repeat(100), n: 2 },
        10,
      ),
    ).toBe(`bucket=b long=${'x'.repeat(9)}… n=2`);
    const table = synthTable([
      { type: 't', name: 'n', parent: null, inputs: { a: 1 }, protect: true, retainOnDelete: false },
    ]).split('\n');
    expect(table).toEqual([
      'TYPE  NAME  PARENT  PROTECT  RETAIN  INPUTS',
      't     n     -       yes      no      a=1',
    ]);
  });

  it('parses --stack and --json, and refuses anything else', () => {
    expect(parseSynthArgs(['--stack', 'dev', '--json'])).toEqual({ stack: 'dev', json: true });
    expect(parseSynthArgs(['--stack=prod'])).toEqual({ stack: 'prod', json: false });
    expect(() => parseSynthArgs(['--json'])).toThrow('--stack is required; stacks: dev, prod');
    expect(() => parseSynthArgs(['--stack', 'dev', '--yaml'])).toThrow('unknown argument "--yaml"');
  });
});

describe('pnpm synth (the built CLI)', () => {
  it('--json prints only the JSON array on stdout', () => {
    const run = cli(['--stack', 'prod', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const resources = JSON.parse(run.stdout) as SynthResource[];
    expect(resources.length).toBeGreaterThan(50);
    expect(resources.find((r) => r.name === 'spotify-schedule-trigger')?.inputs.type).toBe('SCHEDULED');
  }, 120_000);

  it('prints a table with a summary line', () => {
    const run = cli(['--stack', 'dev']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^TYPE +NAME +PARENT +PROTECT +RETAIN +INPUTS$/);
    expect(run.stdout).toMatch(/aws:glue\/job:Job +spotify-job +spotify +no +no +.*glueVersion=5[.]0/);
    expect(run.stdout).toMatch(/stack dev: \d+ resources \(Pulumi mocks, no cloud\)\n$/);
  }, 120_000);

  it('exits 2 with a clear message for an unknown stack or argument', () => {
    const unknown = cli(['--stack', 'qa']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain(
      'synth: unknown stack "qa": there is no Pulumi.qa.yaml; stacks: dev, prod',
    );
    expect(cli(['--stack']).status).toBe(2);
    expect(cli(['--stack', 'dev', '--verbose']).status).toBe(2);
  }, 120_000);
});
