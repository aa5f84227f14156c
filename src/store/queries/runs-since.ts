import type { Statements } from '../statements.js';
import { toRunSummary, type RunRow, type RunSummary } from './run-summary.js';

/** The catalog's runs that started at or after `since`, oldest first. */
export function runsSince(statements: Statements, catalog: string, since: Date): RunSummary[] {
  return (statements.runsSince.all(catalog, since.getTime()) as RunRow[]).map(toRunSummary);
}
