import { describe, expect, it } from 'vitest';
import { placeOnGrid } from '../../src/model/grid-layout';
import { sampleModel } from '../support/sample-model';

const visual = (id: string, columnSpan: number, rowSpan: number) => ({
  ...sampleModel().sheets[0]!.visuals[0]!,
  id,
  layout: { columnSpan, rowSpan },
});

describe('placeOnGrid', () => {
  it('fills the 36 columns left to right, then starts a row below the tallest visual of the row', () => {
    expect(
      placeOnGrid([visual('a', 20, 5), visual('b', 16, 8), visual('c', 17, 3), visual('d', 20, 4)]),
    ).toEqual([
      { id: 'a', columnIndex: 0, rowIndex: 0, columnSpan: 20, rowSpan: 5 },
      { id: 'b', columnIndex: 20, rowIndex: 0, columnSpan: 16, rowSpan: 8 },
      { id: 'c', columnIndex: 0, rowIndex: 8, columnSpan: 17, rowSpan: 3 },
      { id: 'd', columnIndex: 0, rowIndex: 11, columnSpan: 20, rowSpan: 4 },
    ]);
  });
});
