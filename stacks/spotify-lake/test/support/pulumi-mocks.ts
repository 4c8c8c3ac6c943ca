import type { MockedEnvironment, PulumiRecorder } from '@spotify-lake/testing';
import { recordPulumiMocks } from '@spotify-lake/testing';
import { computedState } from '../../src/synth/computed-state';

/**
 * Sets the recording Pulumi mocks of @spotify-lake/testing for one stack (call before the program declares any
 * resource), answering with the attributes the offline synth shows (src/synth/computed-state.ts).
 */
export function setupPulumiMocks(stack: string, overrides: Partial<MockedEnvironment> = {}): PulumiRecorder {
  return recordPulumiMocks({ stack, ...overrides, computedState });
}
