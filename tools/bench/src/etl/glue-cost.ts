/**
 * What a run of the Glue job costs: AWS Glue bills Spark jobs (Glue 2.0 and later, so 5.0) by DPU-hour, per second
 * with a one-minute minimum. Each worker type is a number of DPUs; the price per DPU-hour depends on the region
 * (0.44 USD in us-east-1 and most regions), so it is an option.
 */
export const DPU_PER_WORKER = { 'G.025X': 0.25, 'G.1X': 1, 'G.2X': 2, 'G.4X': 4, 'G.8X': 8 } as const;
export type GlueWorkerType = keyof typeof DPU_PER_WORKER;
export const GLUE_WORKER_TYPES = Object.keys(DPU_PER_WORKER) as GlueWorkerType[];

export const DEFAULT_WORKER_TYPE: GlueWorkerType = 'G.1X';
/** Glue's smallest number of workers for a Spark job. */
export const DEFAULT_WORKERS = 2;
export const DEFAULT_DPU_HOUR_USD = 0.44;
/** Glue's minimum billed duration of a run. */
export const MINIMUM_BILLED_SECONDS = 60;

export interface GlueCostOptions {
  readonly workerType: GlueWorkerType;
  readonly workers: number;
  readonly pricePerDpuHour: number;
}

export interface GlueCost {
  readonly dpus: number;
  readonly billedSeconds: number;
  readonly dpuHours: number;
  readonly usd: number;
}

/** The cost of a run that lasts `seconds`. */
export function glueRunCost(seconds: number, options: GlueCostOptions): GlueCost {
  if (!(seconds >= 0))
    throw new RangeError(`a run's duration must be a number of seconds >= 0, got ${seconds}`);
  const dpus = DPU_PER_WORKER[options.workerType] * options.workers;
  const billedSeconds = Math.max(MINIMUM_BILLED_SECONDS, Math.ceil(seconds));
  const dpuHours = (dpus * billedSeconds) / 3600;
  return { dpus, billedSeconds, dpuHours, usd: dpuHours * options.pricePerDpuHour };
}
