import type { LintFinding } from '../lint-finding.js';
import { duplicateUrl } from './duplicate-url.js';
import { escapedBareUrl } from './escaped-bare-url.js';
import { insecureHttp } from './insecure-http.js';
import type { LintInput, LintRule } from './lint-input.js';
import { linkSyntaxSpace } from './link-syntax-space.js';
import { malformedUrl } from './malformed-url.js';
import { repoCaseMismatch } from './repo-case-mismatch.js';
import { splitBareUrl } from './split-bare-url.js';
import { tableCellCount } from './table-cell-count.js';
import { tableRowMisaligned } from './table-row-misaligned.js';
import { unusedDefinition } from './unused-definition.js';

const RULES: readonly LintRule[] = [
  escapedBareUrl,
  splitBareUrl,
  linkSyntaxSpace,
  tableCellCount,
  tableRowMisaligned,
  duplicateUrl,
  repoCaseMismatch,
  insecureHttp,
  malformedUrl,
  unusedDefinition,
];

/** Every lint rule over one document, findings in source order. */
export function lintCatalog(input: LintInput): LintFinding[] {
  return RULES.flatMap((rule) => rule(input)).sort((a, b) => a.line - b.line || a.column - b.column);
}
