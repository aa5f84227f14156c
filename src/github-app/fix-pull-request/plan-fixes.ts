import type { SuggestionKind } from '../../check/check-result.js';
import { isHomePageRedirect } from '../../check/is-home-page-redirect.js';
import { isSignInUrl } from '../../check/is-sign-in-url.js';
import type { RepoConfig } from '../../config/repo-config.js';
import type { FindingReport, LinkReport, RunReport } from '../../report/run-report.js';
import type { ProposedFix } from '../repo-run.js';
import { fixEvidence } from './fix-evidence.js';

export interface FixPlanInput {
  report: RunReport;
  fixes: RepoConfig['fixes'];
  /** `pairKey(from, to)` of every pair a human rejected. */
  rejected: ReadonlySet<string>;
  /** URLs a maintainer asked to ignore: no archived copy replaces them. */
  ignoredUrls: ReadonlySet<string>;
}

export const pairKey = (from: string, to: string): string => `${from}\n${to}`;

const SWITCH: Record<SuggestionKind, keyof RepoConfig['fixes']> = {
  permanent_redirect: 'redirects',
  repo_rename: 'renames',
  markdown_fix: 'markdown',
  archive: 'archive',
  https_upgrade: 'https',
};

/**
 * The checker already judges these chains `soft_404` or `restricted`; checked again here because
 * a fix pull request that swaps a page for a front page or a sign-in page deletes the link quietly.
 */
function isUnsafeTarget(from: string, to: string): boolean {
  if (!URL.canParse(from) || !URL.canParse(to)) return true;
  return isHomePageRedirect(new URL(from), new URL(to)) || isSignInUrl(new URL(to));
}

function wanted(link: LinkReport, input: FixPlanInput): boolean {
  const suggestion = link.suggestion;
  if (!suggestion || !input.fixes[SWITCH[suggestion.kind]]) return false;
  switch (suggestion.kind) {
    case 'permanent_redirect':
      return link.verdict === 'redirected' && !isUnsafeTarget(link.url, suggestion.url);
    case 'repo_rename':
      return link.verdict === 'redirected';
    case 'archive':
      // Only for links history confirms dead, and never for one a human said to leave alone.
      return link.verdict === 'dead' && link.history?.confirmedDead === true && !input.ignoredUrls.has(link.url);
    case 'markdown_fix':
      return false; // made from the lint findings, whose spans cover the mangled text
    case 'https_upgrade':
      // Whatever the verdict: the https form answered the same page in this run (suggest-https-upgrade.ts).
      return suggestion.url.startsWith('https://') && !isUnsafeTarget(link.url, suggestion.url);
    default:
      return suggestion.kind satisfies never;
  }
}

function urlFixes(link: LinkReport): ProposedFix[] {
  const { url: to, kind } = link.suggestion!;
  return link.occurrences.map((o) => ({
    file: o.file, line: o.line, span: o.span, from: link.url, to, replacement: to, kind, reason: fixEvidence(link),
    ...(o.entry && { entry: o.entry }),
  }));
}

function markdownFix(finding: FindingReport, link: LinkReport | undefined): ProposedFix | undefined {
  if (!finding.fix || !finding.url || !link) return undefined;
  const entry = link.occurrences.find((o) => o.file === finding.file && o.line === finding.line)?.entry;
  const base = { file: finding.file, line: finding.line, span: finding.fix.span, replacement: finding.fix.replacement, kind: 'markdown_fix' as const, ...(entry && { entry }) };
  if (finding.code === 'link_syntax_space') return { ...base, from: link.url, to: link.url, reason: `${finding.message}; removing the space makes it the link the author wrote.` };
  if ((finding.code === 'escaped_bare_url' || finding.code === 'split_bare_url') && link.suggestion?.kind === 'markdown_fix') {
    return { ...base, from: link.url, to: link.suggestion.url, reason: fixEvidence(link, finding) };
  }
  return undefined;
}

/**
 * Every safe fix the run supports, in file and position order: one per distinct source span
 * (reference links share their definition's), none overlapping another, none a human rejected.
 */
export function planFixes(input: FixPlanInput): ProposedFix[] {
  const linkByUrl = new Map(input.report.links.map((link) => [link.url, link] as const));
  const candidates = [
    ...input.report.links.filter((link) => wanted(link, input)).flatMap(urlFixes),
    ...(input.fixes.markdown ? input.report.findings.flatMap((finding) => markdownFix(finding, linkByUrl.get(finding.url ?? '')) ?? []) : []),
  ].filter((fix) => !input.rejected.has(pairKey(fix.from, fix.to)));
  candidates.sort((a, b) => a.file.localeCompare(b.file) || a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: ProposedFix[] = [];
  for (const fix of candidates) {
    const previous = kept.at(-1);
    if (previous && previous.file === fix.file && fix.span.start < previous.span.end) continue;
    kept.push(fix);
  }
  return kept;
}
