import { StackConfigError } from './config-error';

/**
 * A stack is production when a word of its name, split at `-`, `_` and `.` and in any case, is `prod` or
 * `production`: `prod`, `Production`, `prod-eu`, `analytics_prod`. Matching by name rather than by a config flag
 * means a dev stack file copied to a production stack cannot switch the guard off.
 */
const PRODUCTION_WORDS = new Set(['prod', 'production']);

export function isProductionStack(stack: string): boolean {
  return stack
    .toLowerCase()
    .split(/[-_.]/)
    .some((word) => PRODUCTION_WORDS.has(word));
}

/** The settings the production guard looks at. */
export interface ProductionSensitiveConfig {
  stack: string;
  encryption: string;
  disposableData: boolean;
}

/**
 * Production data stays protected and under a customer-managed key whatever the stack file says: the settings a
 * development stack uses to be cheap and throw-away are errors on a production stack.
 */
export function assertProductionSafe(config: ProductionSensitiveConfig): void {
  if (!isProductionStack(config.stack)) return;
  if (config.disposableData) {
    throw new StackConfigError(
      'spotify-lake:disposableData',
      `is true but "${config.stack}" is a production stack, whose data is never disposable; remove the key from Pulumi.${config.stack}.yaml`,
    );
  }
  if (config.encryption !== 'kms') {
    throw new StackConfigError(
      'spotify-lake:encryption',
      `is "${config.encryption}" but "${config.stack}" is a production stack, which encrypts with a customer-managed KMS key`,
      'kms',
    );
  }
}
