import { resolve } from 'node:path';
import type { DashboardModel } from '@spotify-lake/bi';
import { LOCAL_TARGET, LocalQueryRunner } from '@spotify-lake/queries/local';
import { collectDatasets, type DatasetSource } from '../model/dataset-sources';
import { toModel } from '../model/to-model';
import type { DashboardSpec } from '../spec/dashboard-spec';
import { buildPageModel, type PageModel } from './page-model';
import { runDatasets } from './run-datasets';

/**
 * A dashboard spec over a local lake: its model (the same one QuickSight gets, with the local warehouse as the
 * target), its datasets' typed queries and a DuckDB runner to answer them.
 */
export class LocalDashboard {
  private constructor(
    readonly spec: DashboardSpec,
    readonly lakeDir: string,
    readonly model: DashboardModel,
    readonly sources: readonly DatasetSource[],
    private readonly runner: LocalQueryRunner,
  ) {}

  static async open(spec: DashboardSpec, lakeDir: string): Promise<LocalDashboard> {
    const model = toModel(spec, LOCAL_TARGET);
    const { sources } = collectDatasets(spec);
    const runner = await LocalQueryRunner.open({ lakeDir });
    return new LocalDashboard(spec, resolve(lakeDir), model, sources, runner);
  }

  /** Rows of every dataset (or of the datasets that follow a control, with `onlyFollowingControls`). */
  data(controlValues: Readonly<Record<string, unknown>> = {}, onlyFollowingControls = false) {
    const sources = onlyFollowingControls
      ? this.sources.filter((s) => Object.keys(s.controls).length > 0)
      : this.sources;
    return runDatasets(this.runner, sources, controlValues);
  }

  async page(
    mode: PageModel['mode'],
    controlValues: Readonly<Record<string, number | string>> = {},
  ): Promise<PageModel> {
    const data = await this.data(controlValues);
    return buildPageModel({ model: this.model, data, controlValues, mode, lake: this.lakeDir });
  }

  close(): void {
    this.runner.close();
  }
}
