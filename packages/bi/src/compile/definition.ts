import type { ControlModel, DashboardModel, SheetModel } from '../model/dashboard-model';
import { placeOnGrid } from '../model/grid-layout';
import { validateDashboardModel } from '../model/validate-model';
import type { Json } from './fields';
import { compileVisual } from './visuals';

/** What the compiler needs from the deployment: the ARN of each dataset, by the model's dataset id. */
export interface CompileTarget {
  readonly dataSetArn: (datasetId: string) => string;
}

/** A control's id on one sheet: QuickSight ids are unique in the whole analysis, and a control may be on many sheets. */
export const sheetControlId = (sheetId: string, controlId: string): string => `${sheetId}-${controlId}`;

function parameterDeclaration(control: ControlModel, model: DashboardModel): Json {
  const mappedDataSetParameters = model.datasets.flatMap((dataset) =>
    dataset.parameters
      .filter((p) => p.control === control.id)
      .map((p) => ({ dataSetIdentifier: dataset.id, dataSetParameterName: p.name })),
  );
  const declaration = {
    name: control.parameter,
    parameterValueType: 'SINGLE_VALUED',
    defaultValues: { staticValues: [control.defaultValue] },
    ...(mappedDataSetParameters.length > 0 ? { mappedDataSetParameters } : {}),
  };
  return control.type === 'integer'
    ? { integerParameterDeclaration: declaration }
    : { stringParameterDeclaration: declaration };
}

function parameterControl(sheetId: string, control: ControlModel): Json {
  const common = {
    parameterControlId: sheetControlId(sheetId, control.id),
    title: control.title,
    sourceParameterName: control.parameter,
  };
  if (control.kind === 'slider') {
    return {
      slider: { ...common, minimumValue: control.min, maximumValue: control.max, stepSize: control.step },
    };
  }
  return {
    dropdown: {
      ...common,
      type: 'SINGLE_SELECT',
      selectableValues: {
        linkToDataSetColumn: {
          dataSetIdentifier: control.valuesFrom.dataset,
          columnName: control.valuesFrom.column,
        },
      },
    },
  };
}

function sheet(model: DashboardModel, sheet: SheetModel): Json {
  const datasets = new Map(model.datasets.map((d) => [d.id, d]));
  const controls = new Map(model.controls.map((c) => [c.id, c]));
  return {
    sheetId: sheet.id,
    name: sheet.title,
    contentType: 'INTERACTIVE',
    visuals: sheet.visuals.map((visual) => compileVisual(visual, datasets.get(visual.dataset)!)),
    ...(sheet.controls.length > 0
      ? { parameterControls: sheet.controls.map((id) => parameterControl(sheet.id, controls.get(id)!)) }
      : {}),
    layouts: [
      {
        configuration: {
          gridLayout: {
            elements: placeOnGrid(sheet.visuals).map((p) => ({
              elementId: p.id,
              elementType: 'VISUAL',
              columnIndex: p.columnIndex,
              rowIndex: p.rowIndex,
              columnSpan: p.columnSpan,
              rowSpan: p.rowSpan,
            })),
            canvasSizeOptions: { screenCanvasSizeOptions: { resizeOption: 'RESPONSIVE' } },
          },
        },
      },
    ],
  };
}

/**
 * The QuickSight definition of a dashboard model, in aws-native's camelCase (`definition` of
 * `aws-native.quicksight.Analysis` and `Dashboard`): dataset declarations, one parameter per control mapped to
 * the datasets' parameters that follow it, and each sheet with its visuals, controls and grid layout. Validates
 * the model first. The same model gives the same definition, byte for byte.
 */
export function compileDefinition(model: DashboardModel, target: CompileTarget): Json {
  validateDashboardModel(model);
  return {
    dataSetIdentifierDeclarations: model.datasets.map((dataset) => ({
      identifier: dataset.id,
      dataSetArn: target.dataSetArn(dataset.id),
    })),
    ...(model.controls.length > 0
      ? { parameterDeclarations: model.controls.map((control) => parameterDeclaration(control, model)) }
      : {}),
    sheets: model.sheets.map((s) => sheet(model, s)),
  };
}
