import type { AnyQuery, QueryParams, QueryRow } from '@spotify-lake/queries';
import type { StringField } from './fields';

/**
 * A control of the dashboard: a value viewers change, bound to query parameters. `T` is the value's type, so a
 * control can only be bound to parameters of that type (a slider to an integer parameter, a drop-down to text).
 */
export interface Control<T> {
  readonly kind: 'slider' | 'dropdown';
  readonly id: string;
  readonly title: string;
  readonly defaultValue: T;
  /** Phantom field carrying `T` for type checks; never set. */
  readonly __value?: T;
}

export interface SliderControl extends Control<number> {
  readonly kind: 'slider';
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Where a drop-down's choices come from: the values of a text column of a query's rows. */
export interface DropdownChoices {
  readonly query: AnyQuery;
  readonly params: Readonly<Record<string, unknown>>;
  readonly field: string;
}

export interface DropdownControl extends Control<string> {
  readonly kind: 'dropdown';
  readonly choices: DropdownChoices;
  /** Label of the default value, which means "no filter" for the queries' text filters (`''`). */
  readonly defaultLabel: string;
}

export type AnyControl = SliderControl | DropdownControl;

/** An integer control shown as a slider from `min` to `max`. */
export function slider(options: {
  id: string;
  title: string;
  min: number;
  max: number;
  step?: number;
  defaultValue: number;
}): SliderControl {
  return { kind: 'slider', step: 1, ...options };
}

/**
 * A text control shown as a drop-down whose choices are the values of `field` in the rows of `query` run with
 * `params` (fixed values: choices do not follow other controls).
 */
export function dropdown<Q extends AnyQuery>(options: {
  id: string;
  title: string;
  choices: { query: Q; field: StringField<QueryRow<Q>>; params?: QueryParams<Q> };
  defaultValue: string;
  defaultLabel: string;
}): DropdownControl {
  const { choices, ...rest } = options;
  return {
    kind: 'dropdown',
    ...rest,
    choices: {
      query: choices.query,
      field: choices.field,
      params: (choices.params ?? {}) as Record<string, unknown>,
    },
  };
}

/** A parameter's binding: a fixed value, or a control of the same value type. */
export type ParamBindings<Q extends AnyQuery> = {
  readonly [K in keyof QueryParams<Q>]?: QueryParams<Q>[K] | Control<NonNullable<QueryParams<Q>[K]>>;
};

export function isControl(value: unknown): value is AnyControl {
  return (
    typeof value === 'object' &&
    value !== null &&
    ((value as { kind?: unknown }).kind === 'slider' || (value as { kind?: unknown }).kind === 'dropdown') &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}
