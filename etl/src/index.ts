export * from './generate';
export * from './local';
