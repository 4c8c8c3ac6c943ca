/** Every day at 03:00 UTC, after the night's drops and before the working day's queries. */
export const DEFAULT_SCHEDULE = 'cron(0 3 * * ? *)';

/**
 * Checks a Glue (EventBridge-style) cron expression: `cron(` six fields `)`, exactly one of day-of-month and
 * day-of-week `?`. Glue rejects the others only when the trigger is created, mid-deployment.
 */
export function assertGlueSchedule(schedule: string): void {
  const match = /^cron\((.*)\)$/.exec(schedule.trim());
  const fields = match?.[1]?.trim().split(/\s+/) ?? [];
  if (fields.length !== 6) {
    throw new Error(
      `schedule must be cron(Minutes Hours Day-of-month Month Day-of-week Year), e.g. ${JSON.stringify(DEFAULT_SCHEDULE)}; got ${JSON.stringify(schedule)}`,
    );
  }
  const [, , dayOfMonth, , dayOfWeek] = fields;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new Error(
      `schedule ${JSON.stringify(schedule)} must have ? in exactly one of day-of-month and day-of-week`,
    );
  }
  if (/[^A-Za-z0-9*?,/\-#L\s()W]/.test(schedule)) {
    throw new Error(`schedule ${JSON.stringify(schedule)} has characters cron does not use`);
  }
}

export const MAX_BATCH_SIZE = 100;
export const MAX_BATCH_WINDOW_SECONDS = 900;
