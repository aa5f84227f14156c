import PQueue from 'p-queue';
import type { LintFinding } from '../catalog/lint-finding.js';
import type { Fetch } from '../metadata/default-fetch.js';
import { suggestHttpsUpgrade } from '../metadata/suggest-https-upgrade.js';
import { suggestMarkdownFixes } from '../metadata/suggest-markdown-fixes.js';
import { lookupArchiveSnapshot } from '../metadata/wayback/find-archive-snapshot.js';
import type { ArchiveMemory } from './archive-memory.js';
import type { CheckedLink } from './checked-link.js';

export interface SuggestionDeps {
  fetch: Fetch;
  env: Readonly<Record<string, string | undefined>>;
  /** Wayback answers from earlier runs; without it every dead link is looked up. */
  archiveMemory?: ArchiveMemory;
}

export interface SuggestionStats {
  /** Dead links looked up in the Wayback Machine in this run. */
  waybackRequests: number;
  /** Dead links whose Wayback answer (a capture or none) was remembered from an earlier run. */
  waybackRemembered: number;
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
): Promise<SuggestionStats> {
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
  if (!options.archive) return { waybackRequests: 0, waybackRemembered: 0 };
  const dead = [...links.values()].filter((link) => link.result.verdict === 'dead' && !link.result.suggestion);
  const remembered = (await deps.archiveMemory?.recall(dead.map((link) => link.result.url))) ?? new Map<string, string | undefined>();
  const answers = new Map<string, string | undefined>();
  const queue = new PQueue({ concurrency: 2 });
  await Promise.all(
    dead.map((link) =>
      queue.add(async () => {
        const { url } = link.result;
        if (remembered.has(url)) {
          const snapshotUrl = remembered.get(url);
          if (snapshotUrl) link.result = { ...link.result, suggestion: { url: snapshotUrl, kind: 'archive' } };
          return;
        }
        const lookup = await lookupArchiveSnapshot(url, { env: deps.env, fetch: deps.fetch });
        if (lookup.kind === 'found') link.result = { ...link.result, suggestion: lookup.suggestion };
        if (lookup.kind !== 'failed') answers.set(url, lookup.kind === 'found' ? lookup.suggestion.url : undefined);
      }),
    ),
  );
  if (answers.size > 0) await deps.archiveMemory?.remember(answers);
  return { waybackRequests: dead.length - remembered.size, waybackRemembered: remembered.size };
}
