import { describe, expect, it } from 'vitest';
import { compileDefinition, sheetControlId } from '../../src/compile/definition';
import type { Json } from '../../src/compile/fields';
import { DashboardModelError } from '../../src/model/validate-model';
import { cfnViolations, loadSchema, SCHEMAS_MISSING, toCfn } from '../support/cfn-schema';
import { mutableModel, sampleModel } from '../support/sample-model';

const target = {
  dataSetArn: (id: string) => `arn:aws:quicksight:eu-west-1:123456789012:dataset/sample-${id}`,
};
// biome-ignore lint/suspicious/noExplicitAny: the compiled definition is JSON, read field by field
const compiled = () => compileDefinition(sampleModel(), target) as any;

describe('compileDefinition', () => {
  it('compiles the model to the same definition every time (snapshot)', () => {
    expect(compiled()).toMatchSnapshot();
    expect(JSON.stringify(compiled())).toBe(JSON.stringify(compiled()));
  });

  it('declares every dataset with the ARN the target gives it', () => {
    expect(compiled().dataSetIdentifierDeclarations).toEqual(
      sampleModel().datasets.map((d) => ({ identifier: d.id, dataSetArn: target.dataSetArn(d.id) })),
    );
  });

  it('gives every visual, in order, its kind of QuickSight visual and its id', () => {
    const visuals = compiled().sheets[0].visuals as Json[];
    expect(visuals.map((v) => [Object.keys(v)[0], (Object.values(v)[0] as Json).visualId])).toEqual([
      ['kpiVisual', 'tracks'],
      ['tableVisual', 'first-release'],
      ['barChartVisual', 'artists'],
      ['barChartVisual', 'genre-bars'],
      ['pieChartVisual', 'genre-share'],
      ['lineChartVisual', 'per-year'],
      ['barChartVisual', 'popularity'],
    ]);
    const artists = visuals[2]!.barChartVisual as Json;
    expect(artists).toMatchObject({
      title: { visibility: 'VISIBLE', formatText: { plainText: 'Top artists' } },
      subtitle: { formatText: { plainText: 'by followers' } },
      chartConfiguration: {
        orientation: 'HORIZONTAL',
        sortConfiguration: {
          categorySort: [{ fieldSort: { fieldId: 'artists.followers', direction: 'DESC' } }],
          categoryItemsLimit: { itemsLimit: 10, otherCategories: 'EXCLUDE' },
        },
        categoryLabelOptions: { axisLabelOptions: [{ customLabel: 'Artist' }] },
        valueLabelOptions: { axisLabelOptions: [{ customLabel: 'Followers' }] },
      },
    });
    expect(visuals[4]!.pieChartVisual).toMatchObject({
      chartConfiguration: { donutOptions: { arcOptions: { arcThickness: 'MEDIUM' } } },
    });
  });

  it('types dimensions from the columns and formats numbers and dates', () => {
    const visuals = compiled().sheets[0].visuals as Json[];
    // biome-ignore lint/suspicious/noExplicitAny: JSON
    const wells = (v: any) => Object.values(v)[0] as any;
    const line = wells(visuals[5]).chartConfiguration.fieldWells.lineChartAggregatedFieldWells;
    expect(Object.keys(line.category[0])).toEqual(['numericalDimensionField']);
    expect(line.values).toHaveLength(2);
    const bar = wells(visuals[2]).chartConfiguration.fieldWells.barChartAggregatedFieldWells;
    expect(Object.keys(bar.category[0])).toEqual(['categoricalDimensionField']);
    expect(
      bar.values[0].numericalMeasureField.formatConfiguration.formatConfiguration
        .numberDisplayFormatConfiguration,
    ).toMatchObject({ numberScale: 'AUTO' });
    const table = wells(visuals[1]).chartConfiguration.fieldWells.tableUnaggregatedFieldWells;
    expect(table.values[0].formatConfiguration).toEqual({
      dateTimeFormatConfiguration: { dateTimeFormat: 'YYYY-MM-DD' },
    });
  });

  it('declares one parameter per control, mapped to the dataset parameters that follow it, and its controls', () => {
    const definition = compiled();
    expect(definition.parameterDeclarations).toEqual([
      {
        integerParameterDeclaration: {
          name: 'fromYear',
          parameterValueType: 'SINGLE_VALUED',
          defaultValues: { staticValues: [1000] },
          mappedDataSetParameters: [{ dataSetIdentifier: 'releases', dataSetParameterName: 'fromYear' }],
        },
      },
      {
        stringParameterDeclaration: {
          name: 'genre',
          parameterValueType: 'SINGLE_VALUED',
          defaultValues: { staticValues: [''] },
          mappedDataSetParameters: [{ dataSetIdentifier: 'top-artists', dataSetParameterName: 'genre' }],
        },
      },
    ]);
    expect(definition.sheets[0].parameterControls).toEqual([
      {
        slider: {
          parameterControlId: sheetControlId('overview', 'from-year'),
          title: 'From year',
          sourceParameterName: 'fromYear',
          minimumValue: 1000,
          maximumValue: 2030,
          stepSize: 1,
        },
      },
      {
        dropdown: {
          parameterControlId: 'overview-genre',
          title: 'Genre',
          sourceParameterName: 'genre',
          type: 'SINGLE_SELECT',
          selectableValues: { linkToDataSetColumn: { dataSetIdentifier: 'genres', columnName: 'genre' } },
        },
      },
    ]);
  });

  it('lays the visuals out on the 36-column grid in reading order', () => {
    const elements = compiled().sheets[0].layouts[0].configuration.gridLayout.elements as Json[];
    expect(elements.map((e) => [e.elementId, e.columnIndex, e.rowIndex, e.columnSpan, e.rowSpan])).toEqual([
      ['tracks', 0, 0, 12, 4],
      ['first-release', 12, 0, 24, 4],
      ['artists', 0, 4, 18, 10],
      ['genre-bars', 18, 4, 18, 10],
      ['genre-share', 0, 14, 12, 10],
      ['per-year', 12, 14, 24, 10],
      ['popularity', 0, 24, 36, 8],
    ]);
  });

  it('has unique visual, field and control ids', () => {
    const text = JSON.stringify(compiled());
    const ids = (key: string) => [...text.matchAll(new RegExp(`"${key}":"([^"]+)"`, 'g'))].map((m) => m[1]);
    for (const key of ['visualId', 'parameterControlId', 'elementId']) {
      expect(new Set(ids(key)).size, key).toBe(ids(key).length);
    }
  });

  it('refuses an invalid model before compiling', () => {
    const model = mutableModel();
    model.sheets[0].visuals[0].value.column = 'nope';
    expect(() => compileDefinition(model, target)).toThrow(DashboardModelError);
  });
});

describe.skipIf(SCHEMAS_MISSING)('the compiled definition against the CloudFormation schemas', () => {
  it('is a valid DashboardVersionDefinition and AnalysisDefinition', () => {
    expect(cfnViolations('aws-quicksight-dashboard.json', compiled(), 'DashboardVersionDefinition')).toEqual(
      [],
    );
    expect(cfnViolations('aws-quicksight-analysis.json', compiled(), 'AnalysisDefinition')).toEqual([]);
  });

  it('maps camelCase to the schema names, acronyms included', () => {
    const root = loadSchema('aws-quicksight-dashboard.json');
    const converted = toCfn(
      root,
      { sheets: [{ visuals: [{ kpiVisual: { visualId: 'k' } }] }] },
      { $ref: '#/definitions/DashboardVersionDefinition' },
    );
    expect(converted).toEqual({ Sheets: [{ Visuals: [{ KPIVisual: { VisualId: 'k' } }] }] });
    expect(
      toCfn(
        root,
        { exportToCsvOption: { availabilityStatus: 'ENABLED' } },
        { $ref: '#/definitions/DashboardPublishOptions' },
      ),
    ).toEqual({
      ExportToCSVOption: { AvailabilityStatus: 'ENABLED' },
    });
  });

  it('would catch a misspelt property and a span out of range', () => {
    const broken = compiled();
    broken.sheets[0].visuals[0].kpiVisual.titel = broken.sheets[0].visuals[0].kpiVisual.title;
    broken.sheets[0].layouts[0].configuration.gridLayout.elements[0].columnSpan = 37;
    const violations = cfnViolations('aws-quicksight-dashboard.json', broken, 'DashboardVersionDefinition');
    expect(violations.join('\n')).toMatch(/additionalProperty.*titel/);
    expect(violations.join('\n')).toMatch(/ColumnSpan must be <= 36/);
  });
});
if (SCHEMAS_MISSING) console.warn(`skipping CloudFormation schema checks: ${SCHEMAS_MISSING}`);
