// Every stage a command runs, loaded together when a command needs one (cli/common.ts).
export * from '../pipeline.js';
export * from './build.js';
export * from './outputs.js';
