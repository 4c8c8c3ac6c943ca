export * from './data-contract';
export * from './etl-sql';
export * from './glue-job-contract';
export * from './lake-layout';
export * from './logical-types';
export * from './quarantine';
export * from './sources';
export * from './warehouse';
