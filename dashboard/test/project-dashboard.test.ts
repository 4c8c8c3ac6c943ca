import { describe, expect, it } from 'vitest';
import { toModel } from '../src/model/to-model';
import { projectDashboard, projectDashboardModel } from '../src/project-dashboard';

describe('projectDashboardModel (what the stack deploys and the drift check expects)', () => {
  it('is the spec over the database, with live controls for direct query', () => {
    expect(projectDashboardModel('spotify_prod', 'direct')).toEqual(
      toModel(projectDashboard, { database: 'spotify_prod' }),
    );
    expect(projectDashboardModel('spotify_prod', 'direct').controls.length).toBeGreaterThanOrEqual(2);
  });

  it('fixes the controls at their defaults for SPICE, whose SQL runs once per refresh', () => {
    const spice = projectDashboardModel('spotify_prod', 'spice');
    expect(spice).toEqual(toModel(projectDashboard, { database: 'spotify_prod' }, { fixControls: true }));
    expect(spice.controls).toEqual([]);
  });
});
