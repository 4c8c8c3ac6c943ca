export { type CliIo, EXIT, type RunCliHooks, runCli, SIGNAL_EXIT } from './cli/run-cli';
export * from './generate';
export * from './local';
