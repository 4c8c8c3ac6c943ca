import * as pulumi from '@pulumi/pulumi';
import { resolvedValue } from '@spotify-lake/testing';
import { describe, expect, it } from 'vitest';
import { componentTags, mergeTags } from '../src/tags';

describe('componentTags', () => {
  it('names the component, the instance and, when given, the role', () => {
    expect(componentTags({ component: 'DataLake', instance: 'spotify' })).toEqual({
      'spotify-lake:component': 'DataLake',
      'spotify-lake:instance': 'spotify',
    });
    expect(componentTags({ component: 'DataLake', instance: 'spotify', role: 'data' })).toEqual({
      'spotify-lake:component': 'DataLake',
      'spotify-lake:instance': 'spotify',
      'spotify-lake:role': 'data',
    });
  });
});

describe('mergeTags', () => {
  it("adds the caller's tags; the reserved tags win a clash, other spotify-lake: keys are the caller's", async () => {
    const tags = await resolvedValue(
      mergeTags(
        { team: pulumi.output('data'), 'spotify-lake:instance': 'renamed', 'spotify-lake:stack': 'dev' },
        { component: 'LakeCatalog', instance: 'cat' },
      ),
    );
    expect(tags).toEqual({
      team: 'data',
      'spotify-lake:stack': 'dev',
      'spotify-lake:component': 'LakeCatalog',
      'spotify-lake:instance': 'cat',
    });
  });

  it('accepts no tags', async () => {
    expect(await resolvedValue(mergeTags(undefined, { component: 'C', instance: 'i' }))).toEqual(
      componentTags({ component: 'C', instance: 'i' }),
    );
  });
});
