import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/browser/chromium';

/**
 * Debian's chromium, driven by playwright-core. Absent, the browser tests fail under CI (where .ci/run installs
 * it) and are skipped elsewhere with what to install.
 */
export const CHROMIUM_MISSING = existsSync(CHROMIUM_PATH)
  ? undefined
  : `${CHROMIUM_PATH} not found: apt-get install -y chromium (or bash .ci/install-chromium.sh)`;

if (CHROMIUM_MISSING && process.env.CI === 'true') {
  throw new Error(`browser tests cannot run under CI: ${CHROMIUM_MISSING}`);
}
if (CHROMIUM_MISSING) console.warn(`skipping browser tests: ${CHROMIUM_MISSING}`);

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
