import * as pulumi from '@pulumi/pulumi';
import type { PulumiRecorder, RecordedResource } from '@spotify-lake/testing';
import { vi } from 'vitest';
import type { RawConfig } from '../../src/config';
import { setupPulumiMocks } from './pulumi-mocks';

/** The program's exports: its stack outputs. */
export type ProgramOutputs = typeof import('../../src/index.js');

export interface ProgramRun {
  mocks: PulumiRecorder;
  resources: RecordedResource[];
  outputs: ProgramOutputs;
}

/**
 * Runs src/index.ts as `pulumi up` would for `stack` with `config`: mocks and configuration are in place before
 * the program is imported afresh, and the run ends once every registration (late ones included) has settled.
 */
export async function runProgram(stack: string, config: RawConfig): Promise<ProgramRun> {
  vi.resetModules();
  const mocks = setupPulumiMocks(stack);
  pulumi.runtime.setAllConfig({ ...config });
  const outputs = (await import('../../src/index.js')) as ProgramOutputs;
  const resources = await mocks.settled();
  return { mocks, resources, outputs };
}

/** Runs the program expecting it to fail; returns the error and whatever registered before it. */
export async function runFailingProgram(
  stack: string,
  config: RawConfig,
): Promise<{ error: Error; resources: RecordedResource[] }> {
  vi.resetModules();
  const mocks = setupPulumiMocks(stack);
  pulumi.runtime.setAllConfig({ ...config });
  try {
    await import('../../src/index.js');
  } catch (error) {
    return { error: error as Error, resources: await mocks.settled() };
  }
  // Let the unexpected run finish, so that its late registrations do not leak into the next test's mocks.
  const resources = await mocks.settled();
  throw new Error(
    `the program ran for stack ${stack} (${resources.length} resources) although it was expected to fail`,
  );
}
