/**
 * How the browser tests and the screenshot script start Debian's chromium (`apt-get install chromium`): headless,
 * and with every background service that would reach the network switched off.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
/** The viewport the page is made readable at and screenshot with. */
export const VIEWPORT = { width: 1280, height: 800 } as const;
