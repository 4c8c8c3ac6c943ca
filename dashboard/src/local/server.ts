import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ParameterError } from '@spotify-lake/queries';
import { projectDashboard } from '../project-dashboard';
import type { DashboardSpec } from '../spec/dashboard-spec';
import { LocalDashboard } from './local-dashboard';
import { renderHtml } from './render-html';

/** Only this machine: the server answers on the loopback address. */
export const DASHBOARD_HOST = '127.0.0.1';
export const DEFAULT_DASHBOARD_PORT = 4310;

export class ControlValueError extends Error {
  override readonly name = 'ControlValueError';
}

/** The controls' values of a request's query string, checked against the model's controls. */
export function controlValuesOf(
  dashboard: LocalDashboard,
  search: URLSearchParams,
): Record<string, number | string> {
  const values: Record<string, number | string> = {};
  for (const [id, text] of search) {
    const control = dashboard.model.controls.find((c) => c.id === id);
    if (!control) throw new ControlValueError(`unknown control "${id}"`);
    if (control.kind === 'slider') {
      const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(value) || value < control.min || value > control.max) {
        throw new ControlValueError(
          `control "${id}" must be a whole number from ${control.min} to ${control.max}; got ${JSON.stringify(text)}`,
        );
      }
      values[id] = value;
    } else {
      values[id] = text;
    }
  }
  return values;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

export interface DashboardServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the dashboard on 127.0.0.1 with its controls live: `GET /` is the page, `GET /api/data?<control>=<value>`
 * re-runs the typed queries that follow the controls on the local lake and returns their rows. Requests naming
 * another host are refused (a web page elsewhere cannot reach the server through DNS rebinding).
 */
export async function startDashboardServer(options: {
  lakeDir: string;
  port?: number;
  spec?: DashboardSpec;
}): Promise<DashboardServer> {
  const dashboard = await LocalDashboard.open(options.spec ?? projectDashboard, options.lakeDir);
  // One request at a time: the DuckDB connection runs one query at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  let port = options.port ?? DEFAULT_DASHBOARD_PORT;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host ?? '';
    if (host !== `${DASHBOARD_HOST}:${port}` && host !== `localhost:${port}`) {
      send(response, 421, 'text/plain; charset=utf-8', 'wrong host');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (request.method !== 'GET') {
      send(response, 405, 'text/plain; charset=utf-8', 'GET only');
    } else if (url.pathname === '/') {
      const page = await serialized(() => dashboard.page('live'));
      send(response, 200, 'text/html; charset=utf-8', renderHtml(page));
    } else if (url.pathname === '/api/data') {
      try {
        const values = controlValuesOf(dashboard, url.searchParams);
        const data = await serialized(() => dashboard.data(values, true));
        send(response, 200, 'application/json', JSON.stringify({ data }));
      } catch (error) {
        if (error instanceof ControlValueError || error instanceof ParameterError) {
          send(response, 400, 'application/json', JSON.stringify({ error: error.message }));
        } else throw error;
      }
    } else {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
    }
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, 'application/json', JSON.stringify({ error: (error as Error).message }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, DASHBOARD_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${DASHBOARD_HOST}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          dashboard.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
