import type { LintRule } from './lint-input.js';
import { findingAt } from './lint-input.js';

/** Plain http:// links; whether https:// works is the checker's call, so no fix is proposed here. */
export const insecureHttp: LintRule = ({ occurrences }) =>
  occurrences
    .filter((occurrence) => /^http:\/\//i.test(occurrence.url))
    .map((occurrence) => findingAt(occurrence, 'insecure_http', `${occurrence.url} uses plain http://`));
