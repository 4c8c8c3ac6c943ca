import { describe, expect, it } from 'vitest';
import { DashboardModelError, validateDashboardModel } from '../../src/model/validate-model';
import { mutableModel, sampleModel } from '../support/sample-model';

/** The problems validation reports for a model changed by `change`. */
function problemsOf(
  change: (model: ReturnType<typeof mutableModel>) => void,
  importMode?: 'SPICE' | 'DIRECT_QUERY',
) {
  const model = mutableModel();
  change(model);
  try {
    validateDashboardModel(model, importMode ? { importMode } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(DashboardModelError);
    return (error as DashboardModelError).problems.join('\n');
  }
  throw new Error('expected the model to be refused');
}

describe('validateDashboardModel', () => {
  it('accepts a valid model', () => {
    expect(() => validateDashboardModel(sampleModel())).not.toThrow();
    expect(() => validateDashboardModel(sampleModel(), { importMode: 'DIRECT_QUERY' })).not.toThrow();
  });

  it('refuses ids QuickSight refuses, naming them', () => {
    expect(problemsOf((m) => (m.sheets[0].visuals[0].id = 'has space'))).toMatch(
      /visual id must be 1-512 letters, digits, '_' or '-'.*"has space"/,
    );
    expect(problemsOf((m) => (m.sheets[0].id = 'x'.repeat(513)))).toMatch(/sheet id must be 1-512/);
    expect(problemsOf((m) => (m.controls[0].parameter = 'from_year'))).toMatch(
      /control "from-year": parameter must be letters and digits only.*"from_year"/,
    );
  });

  it('refuses duplicate ids', () => {
    expect(problemsOf((m) => (m.sheets[0].visuals[1].id = 'tracks'))).toMatch(
      /visual or control id "tracks" is used twice/,
    );
    expect(problemsOf((m) => (m.datasets[1].id = 'top-artists'))).toMatch(
      /dataset id "top-artists" is used twice/,
    );
  });

  it('enforces the grid spans and the sheet and visual limits', () => {
    expect(problemsOf((m) => (m.sheets[0].visuals[0].layout.columnSpan = 37))).toMatch(
      /visual "tracks": layout.columnSpan must be an integer from 1 to 36; got 37/,
    );
    expect(problemsOf((m) => (m.sheets[0].visuals[0].layout.rowSpan = 0))).toMatch(
      /layout.rowSpan must be an integer from 1 to 21; got 0/,
    );
    expect(
      problemsOf((m) => {
        m.sheets = Array.from({ length: 21 }, (_, i) => ({ ...m.sheets[0], id: `s${i}`, visuals: [] }));
      }),
    ).toMatch(/a dashboard has 1 to 20 sheets; got 21/);
    expect(
      problemsOf((m) => {
        const kpi = m.sheets[0].visuals[0];
        m.sheets[0].visuals = Array.from({ length: 51 }, (_, i) => ({ ...kpi, id: `k${i}` }));
      }),
    ).toMatch(/sheet "overview" has 51 visuals; a sheet holds 1 to 50/);
  });

  it('checks every field against its dataset, and measures are numbers', () => {
    expect(problemsOf((m) => (m.sheets[0].visuals[2].category.column = 'artist'))).toMatch(
      /visual "artists" category: "artist" is not a column of dataset "top-artists" \(artist_name, followers\)/,
    );
    expect(problemsOf((m) => (m.sheets[0].visuals[2].value.column = 'artist_name'))).toMatch(
      /visual "artists" value: "artist_name" is string; this role needs a number/,
    );
    expect(problemsOf((m) => (m.sheets[0].visuals[0].dataset = 'nope'))).toMatch(
      /visual "tracks": dataset "nope" is not declared/,
    );
    expect(problemsOf((m) => (m.sheets[0].visuals[1].columns[0].format = { kind: 'number' }))).toMatch(
      /a number format on "first_release_date", which is date/,
    );
  });

  it('binds every dataset parameter to a declared control of its type, used in the SQL', () => {
    expect(problemsOf((m) => (m.datasets[0].parameters[0].control = 'nope'))).toMatch(
      /dataset "top-artists": parameter "genre" follows control "nope", which the dashboard does not declare/,
    );
    expect(problemsOf((m) => (m.datasets[0].parameters[0].control = 'from-year'))).toMatch(
      /parameter "genre" is string but control "from-year" is integer/,
    );
    expect(problemsOf((m) => (m.datasets[0].sql = 'SELECT artist_name, followers FROM t'))).toMatch(
      /parameter "genre" is not used in the sql as <<\$genre>>/,
    );
    expect(problemsOf((m) => (m.datasets[1].sql += ' HAVING count(*) > <<$minimum>>'))).toMatch(
      /sql uses <<\$minimum>>, which is not a declared parameter/,
    );
    expect(problemsOf((m) => (m.datasets[1].sql += ' LIMIT ?'))).toMatch(/sql contains '\?'/);
  });

  it('checks controls: slider bounds and the drop-down source', () => {
    expect(problemsOf((m) => (m.controls[0].defaultValue = 3000))).toMatch(
      /control "from-year": defaultValue 3000 is outside 1000..2030/,
    );
    expect(problemsOf((m) => (m.controls[1].valuesFrom.column = 'genres'))).toMatch(
      /control "genre": valuesFrom column "genres" is not a column of dataset "genres"/,
    );
    expect(problemsOf((m) => (m.sheets[0].controls = ['nope']))).toMatch(
      /sheet "overview" shows control "nope", which is not declared/,
    );
  });

  it('says which datasets SPICE cannot express: SQL that follows a control', () => {
    const problems = problemsOf(() => {}, 'SPICE');
    expect(problems).toMatch(
      /dataset "top-artists" follows control\(s\) "genre" in its SQL, which SPICE cannot express/,
    );
    expect(problems).toMatch(/dataset "releases" follows control\(s\) "from-year"/);
    expect(problems).not.toMatch(/dataset "genres"/);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf((m) => {
      m.sheets[0].visuals[0].layout.columnSpan = 40;
      m.sheets[0].visuals[1].title = '';
    });
    expect(problems.split('\n')).toHaveLength(2);
  });
});
