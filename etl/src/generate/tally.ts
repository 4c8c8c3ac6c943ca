import {
  QUARANTINE_REASONS,
  type QuarantineReason,
  SOURCE_NAMES,
  type SourceName,
} from '@spotify-lake/contract';

export type Outcome = QuarantineReason | 'accepted';

export interface ExpectedOutcome {
  accepted: Record<SourceName, number>;
  quarantined: Record<SourceName, Record<QuarantineReason, number>>;
  /** Accepted album rows: the warehouse has one row per accepted album-track row. */
  warehouseRows: number;
}

const byReason = () =>
  Object.fromEntries(QUARANTINE_REASONS.map((r) => [r, 0])) as Record<QuarantineReason, number>;

/** What a correct ETL must report, counted row by row as the generator writes them. */
export class OutcomeTally {
  private readonly accepted = Object.fromEntries(SOURCE_NAMES.map((s) => [s, 0])) as Record<
    SourceName,
    number
  >;
  private readonly quarantined = Object.fromEntries(SOURCE_NAMES.map((s) => [s, byReason()])) as Record<
    SourceName,
    Record<QuarantineReason, number>
  >;

  add(source: SourceName, outcome: Outcome): void {
    if (outcome === 'accepted') this.accepted[source]++;
    else this.quarantined[source][outcome]++;
  }

  rows(source: SourceName): number {
    return (
      this.accepted[source] + QUARANTINE_REASONS.reduce((sum, r) => sum + this.quarantined[source][r], 0)
    );
  }

  result(): ExpectedOutcome {
    return {
      accepted: { ...this.accepted },
      quarantined: Object.fromEntries(SOURCE_NAMES.map((s) => [s, { ...this.quarantined[s] }])) as Record<
        SourceName,
        Record<QuarantineReason, number>
      >,
      warehouseRows: this.accepted.albums,
    };
  }
}
