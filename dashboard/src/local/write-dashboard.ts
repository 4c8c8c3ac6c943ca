import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectDashboard } from '../project-dashboard';
import type { DashboardSpec } from '../spec/dashboard-spec';
import { LocalDashboard } from './local-dashboard';
import { renderHtml } from './render-html';

/** File name of the static dashboard in the lake folder. */
export const DASHBOARD_FILE = 'dashboard.html';

/**
 * Runs the dashboard's typed queries on the local lake and writes `<lakeDir>/dashboard.html`: one self-contained
 * page (chart library, data and style inline) that opens from disk with no network. Returns its path.
 */
export async function writeDashboardHtml(options: {
  lakeDir: string;
  spec?: DashboardSpec;
  /** Where to write; default `<lakeDir>/dashboard.html`. */
  outFile?: string;
}): Promise<{ path: string }> {
  const dashboard = await LocalDashboard.open(options.spec ?? projectDashboard, options.lakeDir);
  try {
    const page = await dashboard.page('static');
    const path = options.outFile ?? join(dashboard.lakeDir, DASHBOARD_FILE);
    // Written aside and renamed into place: a reader or a crash never sees half a page.
    const temp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temp, renderHtml(page));
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { path };
  } finally {
    dashboard.close();
  }
}
