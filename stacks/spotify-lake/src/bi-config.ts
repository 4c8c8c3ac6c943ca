import { assertQuickSightPrincipal } from '@spotify-lake/bi';
import { StackConfigError } from './config-error';

/**
 * The QuickSight keys of the stack configuration (`spotify-lake:quicksight*`): their values and checks. The
 * dashboard is off unless a stack turns it on, because QuickSight needs an account subscription first.
 */
export const QUICKSIGHT_IMPORT_MODES = ['direct-query', 'spice'] as const;
export type QuickSightImportMode = (typeof QUICKSIGHT_IMPORT_MODES)[number];
export const QUICKSIGHT_REFRESH_INTERVALS = ['hourly', 'daily'] as const;
export type QuickSightRefresh = (typeof QUICKSIGHT_REFRESH_INTERVALS)[number];

/** A JSON list of QuickSight users or groups: ARNs, or `group/<name>` / `user/<name>` of the default namespace. */
export function principalList(key: string, raw: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) {
    throw new StackConfigError(
      key,
      `must be a list of QuickSight groups or users, e.g. ["group/analysts"] (got ${JSON.stringify(raw)})`,
    );
  }
  return parsed.map((principal, i) => {
    try {
      assertQuickSightPrincipal(principal, `item ${i}`);
    } catch (error) {
      throw new StackConfigError(key, (error as Error).message);
    }
    return principal as string;
  });
}

/** The QuickSight settings as the program reads them. */
export interface QuickSightSettings {
  quicksight: boolean;
  quicksightOwners: string[];
  quicksightViewers: string[];
  quicksightImportMode: QuickSightImportMode;
  quicksightRefresh: QuickSightRefresh;
}

/**
 * A dashboard someone may open. (`quicksightRefresh` is read with direct query too, and unused: it has a default,
 * so its key cannot tell a choice from an omission.)
 */
export function assertQuickSightConsistent(settings: QuickSightSettings): void {
  if (settings.quicksight && settings.quicksightOwners.length + settings.quicksightViewers.length === 0) {
    throw new StackConfigError(
      'spotify-lake:quicksightViewers',
      'is empty, and so is spotify-lake:quicksightOwners: nobody could open the dashboard; list QuickSight groups',
      '\'["group/analysts"]\'',
    );
  }
}
