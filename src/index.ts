// linkmedic as a library: the pipeline and its stages, the same pieces the CLI and the GitHub App use.
export { checkCatalog, type CatalogCheckDeps, type CatalogCheckOptions, type CatalogRun } from './pipeline.js';
export * from './catalog/index.js';
export * from './check/index.js';
export * from './http/index.js';
export * from './metadata/index.js';
export * from './store/index.js';
export type { LinkReport, RunReport } from './report/run-report.js';
export { parseRepoConfig } from './config/parse-repo-config.js';
export { repoConfigSchema, type RepoConfig } from './config/repo-config.js';
export { LinkmedicError, EXIT, type ErrorCode } from './errors.js';
