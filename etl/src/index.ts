export * from './generate';
export * from './glue';
export * from './local';
