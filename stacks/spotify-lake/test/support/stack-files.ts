import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import type { RawConfig } from '../../src/config';

/** The folder holding Pulumi.yaml and the stack files. */
export const PROJECT_DIR = `${resolve(__dirname, '../..')}/`;

export function readYaml(file: string): unknown {
  return load(readFileSync(`${PROJECT_DIR}${file}`, 'utf8'));
}

/**
 * The configuration of `Pulumi.<stack>.yaml` as the Pulumi CLI hands it to the program: every value a string,
 * booleans and numbers in their YAML spelling, objects and lists JSON-encoded.
 */
export function stackFileConfig(stack: string): Record<string, string> {
  const file = `Pulumi.${stack}.yaml`;
  const document = readYaml(file) as { config?: Record<string, unknown> } | null;
  if (document?.config === undefined) throw new Error(`${file} has no config block`);
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(document.config)) {
    raw[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return raw satisfies RawConfig;
}
