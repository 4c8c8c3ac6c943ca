import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectDashboard } from '../project-dashboard';
import type { DashboardSpec } from '../spec/dashboard-spec';
import { LocalDashboard } from './local-dashboard';
import { renderHtml } from './render-html';

/** File name of the static dashboard in the lake folder. */
export const DASHBOARD_FILE = 'dashboard.html';

/**
 * Runs the dashboard's typed queries on the local lake (the files its manifest lists) and returns the page: one
 * self-contained HTML document (chart library, data and style inline) that opens from disk with no network.
 */
export async function renderDashboardHtml(options: {
  lakeDir: string;
  spec?: DashboardSpec;
}): Promise<string> {
  const dashboard = await LocalDashboard.open(options.spec ?? projectDashboard, options.lakeDir);
  try {
    return renderHtml(await dashboard.page('static'));
  } finally {
    dashboard.close();
  }
}

/** Writes `renderDashboardHtml`'s page to `<lakeDir>/dashboard.html` (or `outFile`) and returns its path. */
export async function writeDashboardHtml(options: {
  lakeDir: string;
  spec?: DashboardSpec;
  /** Where to write; default `<lakeDir>/dashboard.html`. */
  outFile?: string;
}): Promise<{ path: string }> {
  const html = await renderDashboardHtml(options);
  const path = options.outFile ?? join(options.lakeDir, DASHBOARD_FILE);
  // Written aside and renamed into place: a reader or a crash never sees half a page.
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, html);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { path };
}
