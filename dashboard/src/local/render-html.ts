import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageModel } from './page-model';
import { PAGE_CSS } from './page-style';

/** The browser bundle (Vega, Vega-Lite and the page's script), built by src/client/bundle-client.mjs. */
const BUNDLE_CANDIDATES = [
  join(__dirname, '../client/dashboard-client.js'),
  // Tests run the TypeScript sources; the bundle is in the built dist/.
  join(__dirname, '../../dist/client/dashboard-client.js'),
];

export function clientBundle(): string {
  const path = BUNDLE_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      `the dashboard's browser bundle is missing (${BUNDLE_CANDIDATES.join(' or ')}); build the package first: pnpm turbo run build --filter=@spotify-lake/dashboard`,
    );
  }
  return readFileSync(path, 'utf8');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * JSON safe inside a `<script>` element: `<` is written `\u003c`, so no value can close the element, and the
 * line separators JavaScript once refused are escaped too.
 */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Content security policy of the page: nothing is loaded from anywhere (scripts and styles are inline, Vega
 * compiles its expressions with `new Function`, hence `unsafe-eval`); a served page may call its own server.
 */
export function contentSecurityPolicy(mode: PageModel['mode']): string {
  return [
    "default-src 'none'",
    "script-src 'unsafe-inline' 'unsafe-eval'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    `connect-src ${mode === 'live' ? "'self'" : "'none'"}`,
  ].join('; ');
}

/** One self-contained HTML page: style, data and the bundled chart library inline; no network request. */
export function renderHtml(page: PageModel, bundle: string = clientBundle()): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.mode)}">
<title>${escapeHtml(page.title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<div id="app"></div>
<script id="dashboard-page" type="application/json">${scriptJson(page)}</script>
<script>${bundle.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
