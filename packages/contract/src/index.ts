export * from './lake-layout';
export * from './logical-types';
export * from './quarantine';
export * from './sources';
export * from './transform-sql';
export * from './warehouse';
