import PQueue from 'p-queue';
import type { LintFinding } from '../catalog/lint-finding.js';
import type { Fetch } from '../metadata/default-fetch.js';
import { suggestHttpsUpgrade } from '../metadata/suggest-https-upgrade.js';
import { suggestMarkdownFixes } from '../metadata/suggest-markdown-fixes.js';
import { findArchiveSnapshot } from '../metadata/wayback/find-archive-snapshot.js';
import type { CheckedLink } from './checked-link.js';

export interface SuggestionDeps {
  fetch: Fetch;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Adds the suggestions only the whole run can make, from `probes` (URLs checked alongside the
 * catalog's only to test a fix): a corrected markdown form that is alive, the https:// form of a
 * plain http:// link that gives the same page, and for dead links without a better idea, the
 * closest Wayback Machine snapshot.
 */
export async function attachSuggestions(
  links: Map<string, CheckedLink>,
  probes: ReadonlyMap<string, CheckedLink>,
  findings: readonly LintFinding[],
  options: { archive: boolean },
  deps: SuggestionDeps,
): Promise<{ waybackRequests: number }> {
  const fixes = await suggestMarkdownFixes(findings, async (url) => probes.get(url)?.result ?? links.get(url)?.result ?? { verdict: 'skipped' });
  for (const { brokenUrl, suggestion } of fixes) {
    const link = links.get(brokenUrl);
    // The author's intended URL beats any redirect or archive copy of the mangled one.
    if (link) link.result = { ...link.result, suggestion };
  }
  // Before the archive: a dead http:// link whose https:// form answers needs no archived copy.
  const resultFor = (url: string) => probes.get(url)?.result ?? links.get(url)?.result;
  for (const link of links.values()) {
    const upgrade = suggestHttpsUpgrade(link.result, resultFor);
    if (upgrade) link.result = { ...link.result, suggestion: upgrade };
  }
  if (!options.archive) return { waybackRequests: 0 };
  const dead = [...links.values()].filter((link) => link.result.verdict === 'dead' && !link.result.suggestion);
  const queue = new PQueue({ concurrency: 2 });
  await Promise.all(
    dead.map((link) =>
      queue.add(async () => {
        const suggestion = await findArchiveSnapshot(link.result.url, { env: deps.env, fetch: deps.fetch });
        if (suggestion) link.result = { ...link.result, suggestion };
      }),
    ),
  );
  return { waybackRequests: dead.length };
}
