export * from './model/dataset-sources';
export * from './model/to-model';
export * from './project-dashboard';
export * from './spec/controls';
export * from './spec/dashboard-spec';
export * from './spec/fields';
export * from './spec/visuals';
