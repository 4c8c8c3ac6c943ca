import { type AnyControl, isControl } from './controls';
import type { VisualSpec } from './visuals';

export interface SheetSpec {
  readonly id: string;
  readonly title: string;
  /** Controls shown on the sheet. */
  readonly controls?: readonly AnyControl[];
  readonly visuals: readonly VisualSpec[];
}

/** The whole dashboard: one spec for QuickSight and for the local page. */
export interface DashboardSpec {
  readonly id: string;
  readonly title: string;
  readonly sheets: readonly SheetSpec[];
}

/** Declares a dashboard (an identity function that gives the literal its type). */
export const defineDashboard = (spec: DashboardSpec): DashboardSpec => spec;

/** Every control of the spec, once each, in order of first appearance. */
export function specControls(spec: DashboardSpec): AnyControl[] {
  const found = new Map<string, AnyControl>();
  const add = (control: AnyControl) => {
    const seen = found.get(control.id);
    if (seen && seen !== control)
      throw new Error(`dashboard "${spec.id}": two different controls have the id "${control.id}"`);
    found.set(control.id, control);
  };
  for (const sheet of spec.sheets) {
    for (const control of sheet.controls ?? []) add(control);
    for (const visual of sheet.visuals) {
      for (const value of Object.values(visual.params)) {
        if (isControl(value)) add(value);
      }
    }
  }
  return [...found.values()];
}
