import type { VisualModel } from './dashboard-model';
import { QUICKSIGHT_LIMITS } from './quicksight-limits';

/** Where a visual sits on QuickSight's 36-column grid (0-based indexes). */
export interface GridPlacement {
  readonly id: string;
  readonly columnIndex: number;
  readonly rowIndex: number;
  readonly columnSpan: number;
  readonly rowSpan: number;
}

/**
 * Places visuals in reading order: left to right while they fit in the 36 columns, then on a new row below the
 * tallest visual of the row. QuickSight and the local page both use these placements, so they look alike.
 */
export function placeOnGrid(visuals: readonly VisualModel[]): GridPlacement[] {
  const placements: GridPlacement[] = [];
  let column = 0;
  let row = 0;
  let rowHeight = 0;
  for (const visual of visuals) {
    const { columnSpan, rowSpan } = visual.layout;
    if (column + columnSpan > QUICKSIGHT_LIMITS.gridColumns) {
      row += rowHeight;
      column = 0;
      rowHeight = 0;
    }
    placements.push({ id: visual.id, columnIndex: column, rowIndex: row, columnSpan, rowSpan });
    column += columnSpan;
    rowHeight = Math.max(rowHeight, rowSpan);
  }
  return placements;
}
