import type { PageModel } from '../../src/local/page-model';

/** The page model embedded in a written dashboard.html. */
export function embeddedPage(html: string): PageModel {
  const match = /<script id="dashboard-page" type="application\/json">(.*?)<\/script>/s.exec(html);
  if (!match) throw new Error('no page model in the HTML');
  return JSON.parse(match[1]!) as PageModel;
}
