import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_NAMESPACE, parseStackConfig, STACK_CONFIG_DEFAULTS, STACK_CONFIG_KEYS } from '../src/config';
import { PROJECT_DIR, readYaml, stackFileConfig } from './support/stack-files';

const STACK_FILE = /^Pulumi\.(.+)\.yaml$/;
const stacks = readdirSync(PROJECT_DIR)
  .map((file) => STACK_FILE.exec(file)?.[1])
  .filter((stack): stack is string => stack !== undefined);

describe('Pulumi.yaml', () => {
  const project = readYaml('Pulumi.yaml') as {
    name: string;
    runtime: { name: string; options: Record<string, unknown> };
    main: string;
  };

  it('names the project after the configuration namespace the program reads', () => {
    expect(project.name).toBe(CONFIG_NAMESPACE);
  });

  it('runs the TypeScript program with the nodejs runtime and pnpm', () => {
    expect(project.runtime).toEqual({
      name: 'nodejs',
      options: { packagemanager: 'pnpm', typescript: true },
    });
    expect(project.main).toBe('src/index.ts');
    expect(existsSync(`${PROJECT_DIR}${project.main}`)).toBe(true);
  });
});

describe('the stack files', () => {
  it('are dev and prod', () => {
    expect(stacks.sort()).toEqual(['dev', 'prod']);
  });

  it.each(stacks)("Pulumi.%s.yaml passes the program's checks", (stack) => {
    expect(() => parseStackConfig(stack, stackFileConfig(stack))).not.toThrow();
  });

  it('make dev cheap and disposable, prod protected, KMS-encrypted and with the larger scan cap', () => {
    const dev = parseStackConfig('dev', stackFileConfig('dev'));
    const prod = parseStackConfig('prod', stackFileConfig('prod'));
    expect([dev.encryption, dev.disposableData]).toEqual(['sse-s3', true]);
    expect([prod.encryption, prod.disposableData]).toEqual(['kms', false]);
    expect(prod.bytesScannedCutoffMb).toBeGreaterThan(dev.bytesScannedCutoffMb);
    expect(prod.region).toBe(dev.region);
  });
});

describe('README.md', () => {
  const readme = readFileSync(`${PROJECT_DIR}README.md`, 'utf8');
  /** Rows of the configuration table: key, values, default, dev, prod. */
  const rows = readme
    .split('\n')
    .filter((line) => /^\| `(aws|spotify-lake):/.test(line))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const code = (cell: string) => /`([^`]*)`/.exec(cell)?.[1];
  const row = (key: string) => rows.find((r) => code(r[0]!) === key);

  it('documents every key in the configuration table', () => {
    expect(rows.map((r) => code(r[0]!))).toEqual([
      'aws:region',
      ...STACK_CONFIG_KEYS.map((key) => `${CONFIG_NAMESPACE}:${key}`),
    ]);
  });

  it.each(STACK_CONFIG_KEYS)('states the default of spotify-lake:%s that the program applies', (key) => {
    const documented = code(row(`${CONFIG_NAMESPACE}:${key}`)![2]!)!;
    const applied = parseStackConfig('any', {
      'aws:region': 'eu-west-1',
      [`${CONFIG_NAMESPACE}:${key}`]: documented,
    });
    expect(applied[key]).toEqual(STACK_CONFIG_DEFAULTS[key]);
  });

  it.each(['dev', 'prod'])('shows the values of Pulumi.%s.yaml', (stack) => {
    const column = stack === 'dev' ? 3 : 4;
    const config = stackFileConfig(stack);
    for (const r of rows) {
      const key = code(r[0]!)!;
      const cell = r[column]!;
      if (config[key] === undefined) expect([key, cell.startsWith('unset')]).toEqual([key, true]);
      else expect([key, code(cell)]).toEqual([key, config[key]]);
    }
  });
});
