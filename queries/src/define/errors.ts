/** A parameter value broke its rule. Raised before anything is sent to an engine. */
export class ParameterError extends Error {
  override readonly name = 'ParameterError';
  constructor(
    readonly query: string,
    readonly parameter: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}
