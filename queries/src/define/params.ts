import { hasLoneSurrogate, isIsoDate } from '../sql/literal';
import type { BoundValue } from './bound-value';

export type ParamKind = 'integer' | 'bigint' | 'string' | 'date' | 'contains';

/**
 * A typed query parameter. `T` is what a caller passes; `Optional` is true when the parameter has a default.
 * `check` returns the engine value or a rule violation; it never lets an unchecked value through.
 */
export interface ParamSpec<T, Optional extends boolean = boolean> {
  readonly kind: ParamKind;
  readonly description: string;
  readonly optional: Optional;
  readonly default: T | undefined;
  /** The rule in words, as shown by `--list` and in errors: `an integer from 1 to 1000`. */
  readonly rule: string;
  check(value: unknown): { readonly ok: true; readonly bound: BoundValue } | { readonly ok: false };
  /** Reads a value typed on the command line. */
  parse(text: string): unknown;
  /** Phantom field carrying `T` for type inference; never set. */
  readonly __type?: T;
}

// biome-ignore lint/suspicious/noExplicitAny: any parameter spec, whatever its value type
export type AnyParamSpec = ParamSpec<any, boolean>;
export type ParamSpecs = Readonly<Record<string, AnyParamSpec>>;
export type ParamValue<S> = S extends ParamSpec<infer T, boolean> ? T : never;

type Simplify<T> = { [K in keyof T]: T[K] };
/** What a caller passes: parameters with a default are optional. */
export type ParamsInput<P extends ParamSpecs> = Simplify<
  { -readonly [K in keyof P as P[K] extends ParamSpec<unknown, true> ? never : K]: ParamValue<P[K]> } & {
    -readonly [K in keyof P as P[K] extends ParamSpec<unknown, true> ? K : never]?: ParamValue<P[K]>;
  }
>;

interface Common<T> {
  readonly description: string;
  /** Value used when the caller leaves the parameter out; without it the parameter is required. */
  readonly default?: T;
}

type Spec<T, O> = ParamSpec<T, O extends { default: T } ? true : false>;

const fail = { ok: false } as const;
const ok = (bound: BoundValue) => ({ ok: true, bound }) as const;

function finish<T, O extends Common<T>>(
  options: O,
  kind: ParamKind,
  rule: string,
  check: ParamSpec<T>['check'],
  parse: (text: string) => unknown,
): Spec<T, O> {
  const spec = {
    kind,
    description: options.description,
    optional: options.default !== undefined,
    default: options.default,
    rule,
    check,
    parse,
  };
  if (options.default !== undefined && !check(options.default).ok) {
    throw new Error(`default ${String(options.default)} breaks the parameter's own rule: ${rule}`);
  }
  return spec as Spec<T, O>;
}

const parseInteger = (text: string): unknown => (/^-?[0-9]+$/.test(text.trim()) ? Number(text.trim()) : text);

export interface IntegerOptions extends Common<number> {
  readonly min: number;
  readonly max: number;
}

/** A 32-bit integer from `min` to `max` inclusive (Trino INTEGER). */
export function integer<const O extends IntegerOptions>(options: O): Spec<number, O> {
  const { min, max } = options;
  if (
    !Number.isSafeInteger(min) ||
    !Number.isSafeInteger(max) ||
    min > max ||
    min < -(2 ** 31) ||
    max > 2 ** 31 - 1
  ) {
    throw new Error(`integer parameter bounds must be 32-bit integers with min <= max, got ${min}..${max}`);
  }
  return finish(
    options,
    'integer',
    `an integer from ${min} to ${max}`,
    (value) =>
      Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
        ? ok({ type: 'integer', value: value as number })
        : fail,
    parseInteger,
  );
}

export interface BigintOptions extends Common<bigint | number> {
  readonly min: bigint;
  readonly max: bigint;
}

/** A 64-bit integer (Trino BIGINT); a caller may pass a bigint or a safe integer number. */
export function bigint<const O extends BigintOptions>(options: O): Spec<bigint | number, O> {
  const { min, max } = options;
  if (min > max || min < -(2n ** 63n) || max > 2n ** 63n - 1n)
    throw new Error(`bigint parameter bounds ${min}..${max} are invalid`);
  return finish(
    options,
    'bigint',
    `an integer from ${min} to ${max}`,
    (value) => {
      const asBigint =
        typeof value === 'bigint' ? value : Number.isSafeInteger(value) ? BigInt(value as number) : undefined;
      return asBigint !== undefined && asBigint >= min && asBigint <= max
        ? ok({ type: 'bigint', value: asBigint })
        : fail;
    },
    (text) => (/^-?[0-9]+$/.test(text.trim()) ? BigInt(text.trim()) : text),
  );
}

export interface StringOptions extends Common<string> {
  /** Default: 1. */
  readonly minLength?: number;
  /** Default: 200. */
  readonly maxLength?: number;
}

function stringCheck(minLength: number, maxLength: number) {
  return (value: unknown): value is string =>
    typeof value === 'string' &&
    value.length >= minLength &&
    value.length <= maxLength &&
    !hasLoneSurrogate(value);
}

function lengthRule(minLength: number, maxLength: number): string {
  return `text of ${minLength} to ${maxLength} characters`;
}

/** Text compared as is. Lengths count UTF-16 code units. */
export function string<const O extends StringOptions>(options: O): Spec<string, O> {
  return textSpec(options, 'string', (value) => value);
}

/** A text parameter of 1-200 characters by default, sent to the engines as `toValue` of the text. */
function textSpec<const O extends StringOptions>(
  options: O,
  kind: 'string' | 'contains',
  toValue: (text: string) => string,
): Spec<string, O> {
  const minLength = options.minLength ?? 1;
  const maxLength = options.maxLength ?? 200;
  const valid = stringCheck(minLength, maxLength);
  return finish(
    options,
    kind,
    lengthRule(minLength, maxLength),
    (value) => (valid(value) ? ok({ type: 'varchar', value: toValue(value) }) : fail),
    (text) => text,
  );
}

/** Escape character of the LIKE patterns built by `contains`; `!` needs no escaping in any SQL dialect. */
export const LIKE_ESCAPE = '!';

/** `50%_off` -> `%50!%!_off%`: a LIKE pattern matching values that contain the text literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}

/**
 * A fragment of text to search for. The engines receive the LIKE pattern `%<text>%` with `%`, `_` and the escape
 * character escaped, so the fragment matches literally; use it as `LIKE ${p} ESCAPE '!'`.
 */
export function contains<const O extends StringOptions>(options: O): Spec<string, O> {
  return textSpec(options, 'contains', containsPattern);
}

export interface DateOptions extends Common<string> {
  /** Earliest accepted date, `YYYY-MM-DD`. Default: 1000-01-01. */
  readonly min?: string;
  /** Latest accepted date, `YYYY-MM-DD`. Default: 9999-12-31. */
  readonly max?: string;
}

/** A calendar date written `YYYY-MM-DD` (the contract's TypeScript form of a date). */
export function date<const O extends DateOptions>(options: O): Spec<string, O> {
  const min = options.min ?? '1000-01-01';
  const max = options.max ?? '9999-12-31';
  if (!isIsoDate(min) || !isIsoDate(max) || min > max)
    throw new Error(`date parameter bounds ${min}..${max} are invalid`);
  return finish(
    options,
    'date',
    `a date YYYY-MM-DD from ${min} to ${max}`,
    (value) => (isIsoDate(value) && value >= min && value <= max ? ok({ type: 'date', value }) : fail),
    (text) => text.trim(),
  );
}

/** The `limit` of a top-N query: 1 to `max`, default `defaultValue`. */
export function limit<const D extends number>(defaultValue: D, max = 1000) {
  return integer({
    description: `Number of rows to return (default ${defaultValue}).`,
    min: 1,
    max,
    default: defaultValue,
  });
}
