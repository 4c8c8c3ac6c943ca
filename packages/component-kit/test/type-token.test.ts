import { describe, expect, it } from 'vitest';
import { componentType } from '../src/type-token';

describe('componentType', () => {
  it('builds spotify:<domain>:<Component>', () => {
    expect(componentType('lake', 'DataLake')).toBe('spotify:lake:DataLake');
  });

  it('refuses a domain or component that breaks the scheme, naming it', () => {
    expect(() => componentType('Lake', 'DataLake')).toThrow(/domain "Lake"/);
    expect(() => componentType('lake', 'dataLake')).toThrow(/component "dataLake" must be a PascalCase/);
  });
});
