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

function memoizedParse(): (url: string) => URL | null {
  const parsed = new Map<string, URL | null>();
  return (url) => {
    let found = parsed.get(url);
    if (found === undefined) parsed.set(url, (found = URL.parse(url)));
    return found;
  };
}

/** Every lint rule over one document, findings in source order. */
export function lintCatalog(input: Omit<LintInput, 'parseUrl'>): LintFinding[] {
  const withParse: LintInput = { ...input, parseUrl: memoizedParse() };
  return RULES.flatMap((rule) => rule(withParse)).sort((a, b) => a.line - b.line || a.column - b.column);
}
