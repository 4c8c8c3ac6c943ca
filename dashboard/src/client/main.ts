import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { JsonRow, PageControl, PageModel, PageVisual } from '../local/page-model';
import { formatValue } from '../local/value-format';

/**
 * The dashboard page: reads the page model embedded as JSON, draws every visual (charts with Vega's SVG renderer,
 * KPIs and tables as HTML) on the 36-column grid, and, on a served page, re-fetches the datasets when a control
 * changes. A static page makes no request at all.
 */
const page = JSON.parse(document.getElementById('dashboard-page')!.textContent!) as PageModel;
const data: Record<string, readonly JsonRow[]> = { ...page.data };
const controlValues: Record<string, string | number> = Object.fromEntries(
  page.controls.map((c) => [c.id, c.value]),
);
const views = new Map<string, View>();

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The rows a table shows: sorted and limited as the spec says. */
function tableRows(visual: PageVisual, rows: readonly JsonRow[]): readonly JsonRow[] {
  const sorted = [...rows];
  if (visual.sort) {
    const { column, direction } = visual.sort;
    const sign = direction === 'asc' ? 1 : -1;
    sorted.sort((a, b) => {
      const x = a[column] ?? null;
      const y = b[column] ?? null;
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  }
  return visual.limit === undefined ? sorted : sorted.slice(0, visual.limit);
}

function drawHtml(visual: PageVisual, body: HTMLElement, rows: readonly JsonRow[]): void {
  body.replaceChildren();
  const fields = visual.fields ?? [];
  if (visual.kind === 'kpi') {
    const field = fields[0]!;
    body.append(
      element(
        'div',
        { class: 'kpi-value', title: field.label ?? field.column },
        formatValue(rows[0]?.[field.column], field.format),
      ),
    );
    return;
  }
  const table = element('table');
  const head = element('tr');
  const numeric = (column: string) => rows.some((r) => typeof r[column] === 'number');
  for (const field of fields)
    head.append(element('th', numeric(field.column) ? { class: 'number' } : {}, field.label ?? field.column));
  table.append(element('thead'), element('tbody'));
  table.tHead!.append(head);
  for (const row of tableRows(visual, rows)) {
    const tr = element('tr');
    for (const field of fields) {
      tr.append(
        element(
          'td',
          numeric(field.column) ? { class: 'number' } : {},
          formatValue(row[field.column], field.format),
        ),
      );
    }
    table.tBodies[0]!.append(tr);
  }
  body.append(table);
}

async function drawChart(visual: PageVisual, body: HTMLElement, rows: readonly JsonRow[]): Promise<void> {
  const existing = views.get(visual.id);
  if (existing) {
    await existing.data('rows', rows as object[]).runAsync();
    return;
  }
  const chart = element('div', { class: 'chart' });
  body.append(chart);
  const runtime = parse(compile(visual.spec as unknown as TopLevelSpec).spec);
  const view = new View(runtime, { renderer: 'svg', container: chart, hover: true, logLevel: 1 });
  view.data('rows', rows as object[]);
  views.set(visual.id, view);
  await view.runAsync();
}

async function draw(visual: PageVisual): Promise<void> {
  const container = document.querySelector<HTMLElement>(`[data-visual-id="${visual.id}"]`)!;
  const body = container.querySelector<HTMLElement>('.body')!;
  const rows = data[visual.dataset] ?? [];
  container.dataset.rows = String(rows.length);
  if (visual.spec) await drawChart(visual, body, rows);
  else drawHtml(visual, body, rows);
}

function controlElement(control: PageControl, onChange: () => void): HTMLElement {
  const wrapper = element('label', { class: 'control', 'data-control-id': control.id });
  wrapper.append(element('span', {}, control.title));
  const live = page.mode === 'live';
  if (control.kind === 'slider') {
    const input = element('input', {
      type: 'range',
      min: String(control.min),
      max: String(control.max),
      step: String(control.step),
      value: String(control.value),
      name: control.id,
    });
    const output = element('output', {}, String(control.value));
    input.disabled = !live;
    input.addEventListener('input', () => {
      output.textContent = input.value;
    });
    input.addEventListener('change', () => {
      controlValues[control.id] = Number(input.value);
      onChange();
    });
    wrapper.append(input, output);
  } else {
    const select = element('select', { name: control.id });
    for (const option of control.options ?? []) {
      const node = element('option', { value: option.value }, option.label);
      if (option.value === control.value) node.selected = true;
      select.append(node);
    }
    select.disabled = !live;
    select.addEventListener('change', () => {
      controlValues[control.id] = select.value;
      onChange();
    });
    wrapper.append(select);
  }
  return wrapper;
}

/** Asks the server for the datasets that follow the controls, with the controls' current values. */
async function refresh(): Promise<void> {
  const query = new URLSearchParams(Object.entries(controlValues).map(([k, v]) => [k, String(v)]));
  const visuals = document.querySelectorAll<HTMLElement>('.visual');
  for (const v of visuals) v.classList.add('loading');
  const error = document.getElementById('error')!;
  try {
    const response = await fetch(`/api/data?${query}`);
    const body = (await response.json()) as { data?: Record<string, JsonRow[]>; error?: string };
    if (!response.ok || !body.data) throw new Error(body.error ?? `HTTP ${response.status}`);
    Object.assign(data, body.data);
    error.textContent = '';
    for (const sheet of page.sheets)
      for (const visual of sheet.visuals) if (visual.dataset in body.data) await draw(visual);
  } catch (e) {
    error.textContent = `Could not update: ${(e as Error).message}`;
  } finally {
    for (const v of visuals) v.classList.remove('loading');
  }
}

async function main(): Promise<void> {
  const app = document.getElementById('app')!;
  const header = element('header');
  header.append(
    element('h1', {}, page.title),
    element(
      'span',
      { class: 'meta' },
      `Local lake ${page.lake} · ${page.mode === 'live' ? 'live' : `snapshot of ${page.generatedAt.slice(0, 19).replace('T', ' ')} UTC`}`,
    ),
  );
  app.append(header);
  const controls = element('div', { class: 'controls' });
  for (const control of page.controls) controls.append(controlElement(control, () => void refresh()));
  if (page.mode === 'static')
    controls.append(element('span', { class: 'note' }, 'Controls are live in `pnpm dashboard`.'));
  app.append(controls, element('div', { class: 'error', id: 'error', role: 'status' }));
  for (const sheet of page.sheets) {
    const section = element('section', { class: 'sheet', 'data-sheet-id': sheet.id });
    section.append(element('h2', {}, sheet.title));
    const grid = element('div', { class: 'grid' });
    for (const visual of sheet.visuals) {
      const { columnIndex, rowIndex, columnSpan, rowSpan } = visual.grid;
      const container = element('div', {
        class: `visual ${visual.kind}`,
        'data-visual-id': visual.id,
        'data-kind': visual.kind,
        style: `grid-column: ${columnIndex + 1} / span ${columnSpan}; grid-row: ${rowIndex + 1} / span ${rowSpan}`,
      });
      container.append(element('h3', {}, visual.title));
      if (visual.subtitle) container.append(element('p', { class: 'subtitle' }, visual.subtitle));
      container.append(element('div', { class: 'body' }));
      grid.append(container);
    }
    section.append(grid);
    app.append(section);
  }
  for (const sheet of page.sheets) for (const visual of sheet.visuals) await draw(visual);
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  console.error(error);
  document.body.dataset.ready = 'error';
});
