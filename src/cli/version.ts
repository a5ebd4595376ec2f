// The package version, put in by the bundler (scripts/build.mjs).
declare const BAOCAO_VERSION: string;
export const VERSION = typeof BAOCAO_VERSION === 'string' ? BAOCAO_VERSION : '0.0.0-dev';
