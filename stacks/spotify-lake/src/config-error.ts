/** A configuration value that cannot be used; `key` is the full key, e.g. `spotify-lake:encryption`. */
export class StackConfigError extends Error {
  readonly key: string;
  /** `example`, when given, is a valid value shown in a `pulumi config set` hint. */
  constructor(key: string, problem: string, example?: string) {
    const hint = example === undefined ? '' : `; set it with: pulumi config set ${key} ${example}`;
    super(`Invalid configuration ${key}: ${problem}${hint}`);
    this.name = 'StackConfigError';
    this.key = key;
  }
}
