import PQueue from 'p-queue';
import type { LintFinding } from '../catalog/lint-finding.js';
import type { CheckResult, Suggestion } from '../check/check-result.js';

/** A broken link whose corrected markdown form is alive. */
export interface MarkdownFixSuggestion {
  /** The URL GitHub renders today (with `%5C`, or cut at the space). */
  brokenUrl: string;
  suggestion: Suggestion & { kind: 'markdown_fix' };
  /** The finding whose `fix` rewrites the source. */
  finding: LintFinding;
}

/** Checks one URL; the pipeline passes the HTTP checker (or its cache of this run's results). */
export type CheckUrl = (url: string) => Promise<Pick<CheckResult, 'verdict'>>;

const FIXABLE = new Set<LintFinding['code']>(['escaped_bare_url', 'split_bare_url']);

// The replacement is source text: a bare `www.` URL is linked by GitHub as http://.
function correctedUrl(replacement: string): string | undefined {
  const text = /^www\./i.test(replacement) ? `http://${replacement}` : replacement;
  return URL.canParse(text) ? new URL(text).href : undefined;
}

/** Each fixable finding with the URL its correction would link to (what the pipeline must check). */
export function markdownFixTargets(findings: readonly LintFinding[]): Array<{ finding: LintFinding; url: string; brokenUrl: string }> {
  return findings.flatMap((finding) => {
    const url = finding.fix && finding.occurrence && FIXABLE.has(finding.code) ? correctedUrl(finding.fix.replacement) : undefined;
    return url && url !== finding.occurrence!.url ? [{ finding, url, brokenUrl: finding.occurrence!.url }] : [];
  });
}

/**
 * For every backslash-escaped or space-cut bare URL, checks the corrected URL once; when it is
 * alive (or alive through a permanent redirect), suggests it for the broken link.
 */
export async function suggestMarkdownFixes(
  findings: readonly LintFinding[],
  check: CheckUrl,
  options: { concurrency?: number } = {},
): Promise<MarkdownFixSuggestion[]> {
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const verdicts = new Map<string, Promise<boolean>>();
  const candidates = markdownFixTargets(findings);
  for (const { url } of candidates) {
    if (!verdicts.has(url)) {
      verdicts.set(url, queue.add(async () => {
        const { verdict } = await check(url);
        return verdict === 'alive' || verdict === 'redirected';
      }) as Promise<boolean>);
    }
  }
  const suggestions: MarkdownFixSuggestion[] = [];
  for (const { finding, url, brokenUrl } of candidates) {
    if (await verdicts.get(url)) suggestions.push({ brokenUrl, suggestion: { url, kind: 'markdown_fix' }, finding });
  }
  return suggestions;
}
