import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_HOST, type DashboardServer, startDashboardServer } from '../../src/local/server';
import { buildLake } from '../support/lake';
import { embeddedPage } from '../support/page';

/** A GET with an explicit Host header (fetch does not let a test set it). */
function get(
  port: number,
  path: string,
  host = `${DASHBOARD_HOST}:${port}`,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: DASHBOARD_HOST, port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let lake: Awaited<ReturnType<typeof buildLake>>;
let server: DashboardServer;
beforeAll(async () => {
  lake = await buildLake();
  server = await startDashboardServer({ lakeDir: lake.lakeDir, port: 0 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  lake?.remove();
});

describe('the dashboard server', () => {
  it('listens on 127.0.0.1 and serves the live page', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const { status, body } = await get(server.port, '/');
    expect(status).toBe(200);
    expect(embeddedPage(body).mode).toBe('live');
  });

  it('re-runs the queries that follow the controls with the values given', async () => {
    const all = JSON.parse((await get(server.port, '/api/data')).body).data;
    expect(Object.keys(all).sort()).toEqual(['releases-per-year', 'top-artists-by-followers', 'top-labels']);
    const genre = all['top-artists-by-followers'].find((r: { genre: string | null }) => r.genre)
      ?.genre as string;
    const filtered = JSON.parse(
      (await get(server.port, `/api/data?genre=${encodeURIComponent(genre)}`)).body,
    ).data;
    expect(filtered['top-artists-by-followers'].length).toBeGreaterThan(0);
    for (const row of filtered['top-artists-by-followers']) expect(row.genre).toBe(genre);
    const recent = JSON.parse((await get(server.port, '/api/data?from-year=2015')).body).data;
    expect(recent['releases-per-year'].every((r: { release_year: number }) => r.release_year >= 2015)).toBe(
      true,
    );
    expect(recent['releases-per-year'].length).toBeLessThan(all['releases-per-year'].length);
  });

  it('refuses bad control values, unknown controls, other hosts and paths', async () => {
    expect(await get(server.port, '/api/data?from-year=1800')).toEqual({
      status: 400,
      body: JSON.stringify({
        error: 'control "from-year" must be a whole number from 1900 to 2030; got "1800"',
      }),
    });
    expect((await get(server.port, '/api/data?colour=red')).status).toBe(400);
    expect((await get(server.port, `/api/data?genre=${'x'.repeat(201)}`)).body).toMatch(
      /parameter \\"genre\\" must be text of 0 to 200 characters/,
    );
    expect((await get(server.port, '/', 'evil.example:80')).status).toBe(421);
    expect((await get(server.port, '/etc/passwd')).status).toBe(404);
  });
});
