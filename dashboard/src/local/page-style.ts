/** The page's style sheet: a 36-column grid like QuickSight's, readable at 1280x800. No web fonts (no network). */
export const PAGE_CSS = `
:root { --row: 34px; --gap: 12px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #191414; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f4; }
header { display: flex; align-items: baseline; gap: 16px; padding: 14px 24px 4px; }
header h1 { margin: 0; font-size: 22px; }
header .meta { color: #6a6a6a; font-size: 12px; }
.controls { display: flex; flex-wrap: wrap; gap: 20px; align-items: center; padding: 8px 24px 12px; font-size: 13px; }
.control { display: flex; align-items: center; gap: 8px; }
.control output { min-width: 3em; font-variant-numeric: tabular-nums; }
.control select { font: inherit; padding: 2px 4px; max-width: 220px; }
.controls .note { color: #6a6a6a; font-size: 12px; }
.sheet h2 { font-size: 15px; margin: 0 24px 8px; color: #535353; font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(36, minmax(0, 1fr)); grid-auto-rows: var(--row); gap: var(--gap); padding: 0 24px 24px; }
.visual { background: #fff; border-radius: 8px; box-shadow: 0 1px 2px rgba(0,0,0,.08); padding: 10px 12px; display: flex; flex-direction: column; min-width: 0; min-height: 0; }
.visual h3 { margin: 0; font-size: 14px; }
.visual .subtitle { margin: 2px 0 0; font-size: 11px; color: #6a6a6a; }
.visual .body { flex: 1; min-height: 0; position: relative; margin-top: 6px; }
.visual .chart { position: absolute; inset: 0; }
.visual.kpi .body { display: flex; align-items: center; }
.kpi-value { font-size: 34px; font-weight: 700; color: #1db954; font-variant-numeric: tabular-nums; }
.visual.table .body { overflow: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eee; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 280px; }
th { position: sticky; top: 0; background: #fff; color: #535353; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.visual.loading { opacity: .5; }
.error { color: #b00020; font-size: 12px; padding: 4px 24px; }
`;
