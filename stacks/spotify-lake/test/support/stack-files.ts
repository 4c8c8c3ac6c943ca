import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { PROJECT_DIR as PROJECT } from '../../src/synth/stack-file';

export { stackFileConfig } from '../../src/synth/stack-file';

/** The folder holding Pulumi.yaml and the stack files. */
export const PROJECT_DIR = `${PROJECT}/`;

export function readYaml(file: string): unknown {
  return load(readFileSync(`${PROJECT_DIR}${file}`, 'utf8'));
}
