import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import type { RawConfig } from '../config';

/** The folder holding Pulumi.yaml and the stack files (`src/synth/` and `dist/synth/` are two levels below). */
export const PROJECT_DIR = resolve(__dirname, '..', '..');

const STACK_FILE = /^Pulumi\.(.+)\.yaml$/;

/** The stacks that have a `Pulumi.<stack>.yaml`. */
export function stackNames(projectDir: string = PROJECT_DIR): string[] {
  return readdirSync(projectDir)
    .map((file) => STACK_FILE.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined)
    .sort();
}

/**
 * The configuration of `Pulumi.<stack>.yaml` as the Pulumi CLI hands it to the program: every value a string,
 * booleans and numbers in their YAML spelling, objects and lists JSON-encoded.
 */
export function stackFileConfig(stack: string, projectDir: string = PROJECT_DIR): RawConfig {
  const file = join(projectDir, `Pulumi.${stack}.yaml`);
  if (!existsSync(file)) throw new Error(`no stack file Pulumi.${stack}.yaml in ${projectDir}`);
  const document = load(readFileSync(file, 'utf8')) as { config?: Record<string, unknown> } | null;
  if (document?.config === undefined) throw new Error(`Pulumi.${stack}.yaml has no config block`);
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(document.config)) {
    raw[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return raw;
}
