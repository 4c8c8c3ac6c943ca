import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { type RecordedResource, recordPulumiMocks } from '@spotify-lake/testing';
import { computedState } from './computed-state';
import { PROJECT_DIR, stackFileConfig, stackNames } from './stack-file';

/** One resource of the synthesized graph, as `pnpm synth --json` prints it. */
export interface SynthResource {
  type: string;
  name: string;
  /** Logical name of the parent; `null` at the stack root. */
  parent: string | null;
  /** Every input, resolved; a file asset shows as `{ "fileAsset": "<path from the repository root>" }`. */
  inputs: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
}

/** A usage error (unknown stack, bad flag): the CLI exits 2. */
export class SynthUsageError extends Error {
  override readonly name = 'SynthUsageError';
}

/** The repository root (the folder with pnpm-workspace.yaml above the project), for stable asset paths. */
function repositoryRoot(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
  }
  return from;
}

interface RecordedAsset {
  __pulumiAsset: true;
  path?: Promise<string>;
  text?: Promise<string>;
  uri?: Promise<string>;
}
const isAsset = (value: unknown): value is RecordedAsset =>
  typeof value === 'object' &&
  value !== null &&
  (value as { __pulumiAsset?: unknown }).__pulumiAsset === true;

/** A recorded input with its assets resolved: a file asset by its path from the repository root. */
async function resolved(value: unknown, root: string): Promise<unknown> {
  if (isAsset(value)) {
    if (value.path !== undefined) return { fileAsset: relative(root, await value.path) };
    if (value.text !== undefined) return { stringAsset: await value.text };
    return { remoteAsset: await value.uri };
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolved(v, root)));
  if (value !== null && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await resolved(v, root)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

async function toSynthResource(resource: RecordedResource, root: string): Promise<SynthResource> {
  return {
    type: resource.type,
    name: resource.name,
    parent: resource.parent ?? null,
    inputs: (await resolved(resource.inputs, root)) as Record<string, unknown>,
    protect: resource.protect,
    retainOnDelete: resource.retainOnDelete,
  };
}

/**
 * Runs the stack program for `stack` as `pulumi up` would, but under Pulumi's mocks: no credentials, no CLI, no
 * provider plugins. The configuration comes from `Pulumi.<stack>.yaml`, the answers from `computedState`; the graph
 * is taken once every registration has settled (named queries register late, inside an apply). Resources are
 * sorted by name, then type, so the output is stable. Anything the program logs goes to stderr.
 */
export async function synthesize(stack: string, projectDir: string = PROJECT_DIR): Promise<SynthResource[]> {
  const stacks = stackNames(projectDir);
  if (!stacks.includes(stack)) {
    throw new SynthUsageError(
      `unknown stack ${JSON.stringify(stack)}: there is no Pulumi.${stack}.yaml; stacks: ${stacks.join(', ')}`,
    );
  }
  const recorder = recordPulumiMocks({ stack, computedState });
  pulumi.runtime.setAllConfig({ ...stackFileConfig(stack, projectDir) });
  const log = console.log;
  console.log = (...args: unknown[]) => console.error(...args);
  try {
    await import('../index.js');
    await recorder.settled();
  } finally {
    console.log = log;
  }
  const root = repositoryRoot(projectDir);
  const resources = [...recorder.resources].sort(
    (a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type),
  );
  return Promise.all(resources.map((r) => toSynthResource(r, root)));
}

/** Inputs shown in the table: plain values (no tags or policy documents), long ones cut. */
export function inputsThatMatter(inputs: Record<string, unknown>, width = 60): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(inputs)) {
    if (key === 'tags' || key === 'tagsAll' || value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trimStart().startsWith('{')) continue; // a JSON document
    const shown =
      typeof value === 'object' && 'fileAsset' in (value as object)
        ? String((value as { fileAsset: string }).fileAsset)
        : typeof value === 'object'
          ? undefined
          : String(value);
    if (shown === undefined) continue;
    parts.push(`${key}=${shown.length > width ? `${shown.slice(0, width - 1)}…` : shown}`);
  }
  return parts.join(' ');
}

/** The graph as a table: type, name, parent, protect, retainOnDelete and the inputs that matter. */
export function synthTable(resources: readonly SynthResource[]): string {
  const rows = [
    ['TYPE', 'NAME', 'PARENT', 'PROTECT', 'RETAIN', 'INPUTS'],
    ...resources.map((r) => [
      r.type,
      r.name,
      r.parent ?? '-',
      r.protect ? 'yes' : 'no',
      r.retainOnDelete ? 'yes' : 'no',
      inputsThatMatter(r.inputs),
    ]),
  ];
  const widths = rows[0]!.slice(0, -1).map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) =>
      [...row.slice(0, -1).map((cell, i) => cell.padEnd(widths[i]!)), row.at(-1)!].join('  ').trimEnd(),
    )
    .join('\n');
}
