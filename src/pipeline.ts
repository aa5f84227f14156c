import path from 'node:path';
import type { Extraction } from './catalog/extract-markdown.js';
import type { LinkOccurrence } from './catalog/link-occurrence.js';
import type { MarkdownFile } from './catalog/read-markdown-files.js';
import type { CheckOptions } from './check/check-options.js';
import { createUrlFeed } from './check/create-url-feed.js';
import { resolveLocalLink } from './check/resolve-local-link.js';
import type { HttpClient } from './http/http-client.js';
import type { GithubClient } from './metadata/github/create-github-octokit.js';
import { httpsForm } from './metadata/https-form.js';
import type { HubRateLimit } from './metadata/huggingface/parse-rate-limit-headers.js';
import { markdownFixTargets } from './metadata/suggest-markdown-fixes.js';
import { storeArchiveMemory } from './pipeline/archive-memory.js';
import { attachSuggestions } from './pipeline/attach-suggestions.js';
import { checkLinks } from './pipeline/check-links.js';
import { extractAsYouGo } from './pipeline/extract-as-you-go.js';
import type { CheckedLink } from './pipeline/checked-link.js';
import { toRecordedRun } from './pipeline/to-recorded-run.js';
import { buildRunReport } from './report/build-run-report.js';
import type { RecordedWithin } from './store/record-run.js';
import type { RunReport } from './report/run-report.js';
import { DEFAULT_DEAD_RULES, type DeadRules } from './store/dead-rules.js';
import type { HistoryStore } from './store/history-store.js';
import type { RepoTrend } from './store/queries/repo-trend.js';
import { githubRepoKey, huggingfaceRepoKey } from './store/repo-key.js';

export interface CatalogCheckOptions {
  /** History key of the catalog: `git:…`, `local:/…` or `bundled:…` for the CLI (`localCatalogKey`), `github:owner/repo` for the app. */
  catalog: string;
  check?: CheckOptions;
  /** URLs matching any of these are not checked (verdict `skipped`, reason `excluded`). */
  exclude?: readonly RegExp[];
  deadRules?: DeadRules;
  /** Look up Wayback snapshots for dead links. Default true. */
  archive?: boolean;
  /**
   * For catalogs read from disk: relative links are looked up as files. `baseDir` is where the
   * files' paths start; `root` is what a leading `/` means and the boundary no link may leave.
   */
  local?: { baseDir: string; root: string };
}

export interface CatalogCheckDeps {
  http: HttpClient;
  store: HistoryStore;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  github?: { client?: GithubClient; token?: string };
  /** Told what each Hugging Face Hub answer said about the API budget (the app's `/metrics`). */
  onHubRateLimit?: (limit: HubRateLimit) => void;
  /** Written in the same transaction as the run (the app ties the run to its nightly pass). */
  recordWithin?: RecordedWithin;
}

export interface CatalogRun {
  report: RunReport;
  extractions: Extraction[];
  /** The run's id in history. */
  runId: number;
}

function groupByUrl(extractions: readonly Extraction[]): Map<string, LinkOccurrence[]> {
  const byUrl = new Map<string, LinkOccurrence[]>();
  for (const occurrence of extractions.flatMap((extraction) => extraction.occurrences)) {
    const known = byUrl.get(occurrence.url);
    if (known) known.push(occurrence);
    else byUrl.set(occurrence.url, [occurrence]);
  }
  return byUrl;
}

async function trendsByUrl(store: HistoryStore, catalog: string, links: ReadonlyMap<string, CheckedLink>, at: Date): Promise<Map<string, RepoTrend>> {
  const keyOf = new Map<string, string>();
  for (const [url, link] of links) {
    if (link.github) keyOf.set(url, githubRepoKey(link.github.fullName));
    else if (link.huggingface) keyOf.set(url, huggingfaceRepoKey(link.huggingface.kind, link.huggingface.id));
  }
  const trends = await store.repoTrends(catalog, { at, keys: [...new Set(keyOf.values())] });
  return new Map([...keyOf].flatMap(([url, key]) => (trends.has(key) ? [[url, trends.get(key)!] as const] : [])));
}

/**
 * The whole pipeline for one catalog: extract → check (APIs, then HTTP) → suggest → record in
 * history → derive each link's standing → report. The CLI and the GitHub App both call this.
 */
export async function checkCatalog(files: readonly MarkdownFile[], options: CatalogCheckOptions, deps: CatalogCheckDeps): Promise<CatalogRun> {
  const env = deps.env ?? process.env;
  const now = deps.now ?? (() => new Date());
  const startedAt = now();

  // URLs go to the checker as extraction finds them, each once. Besides the catalog's own, probes
  // are checked in the same run so a fix is only proposed if it works: the https:// form of each
  // http:// link (unless excluded: no request to a host the catalog keeps away from) and, once
  // the findings are known, the corrected forms of mangled URLs.
  const urls = createUrlFeed();
  const seen = new Set<string>();
  const localFiles = new Map<string, string>();
  const probeUrls = new Set<string>();
  const excluded = (url: string) => options.exclude?.some((pattern) => pattern.test(url)) ?? false;
  const offer = (url: string, probe: boolean) => {
    if (probe) probeUrls.add(url);
    if (seen.has(url)) return;
    seen.add(url);
    urls.push(url);
  };
  const check = options.local ? { ...options.check, localRoot: options.local.root } : options.check;
  const checking = checkLinks(urls, { ...options, ...(check && { check }), ...(options.local && { localFiles }) }, { ...deps, env, now });
  checking.catch(() => undefined);
  let extractions: Extraction[];
  try {
    extractions = await extractAsYouGo(files, (occurrence) => {
      const { url } = occurrence;
      if (seen.has(url) && !probeUrls.has(url)) return;
      // Resolved from the first file that writes the link, before the checker sees the URL.
      const file = options.local && resolveLocalLink(url, path.resolve(options.local.baseDir, occurrence.file), options.local.root);
      if (file) localFiles.set(url, file);
      offer(url, false);
      const secure = excluded(url) ? undefined : httpsForm(url);
      if (secure) offer(secure, true);
    });
  } catch (error) {
    urls.end(error);
    await checking.catch(() => undefined);
    throw error;
  }
  const occurrencesByUrl = groupByUrl(extractions);
  const findings = extractions.flatMap((extraction) => extraction.findings);
  for (const target of markdownFixTargets(findings)) offer(target.url, true);
  urls.end();
  const checks = await checking;
  for (const url of occurrencesByUrl.keys()) probeUrls.delete(url);
  const probes = new Map([...probeUrls].map((url) => [url, checks.links.get(url)!] as const));
  for (const url of probes.keys()) checks.links.delete(url);
  const suggestionStats = await attachSuggestions(checks.links, probes, findings, { archive: options.archive ?? true }, {
    fetch: deps.http.fetch,
    env,
    archiveMemory: storeArchiveMemory(deps.store, now),
  });

  const finishedAt = now();
  const run = { catalog: options.catalog, startedAt, finishedAt, conclusive: checks.conclusive };
  const runId = await deps.store.recordRun(toRecordedRun(run, checks.links, occurrencesByUrl), deps.recordWithin);
  const states = deps.store.persistent
    ? await deps.store.linkStates(options.catalog, occurrencesByUrl.keys(), options.deadRules ?? DEFAULT_DEAD_RULES)
    : undefined;
  const report = buildRunReport({
    ...run,
    ...(checks.inconclusiveReason && { inconclusiveReason: checks.inconclusiveReason }),
    extractions,
    occurrencesByUrl,
    links: checks.links,
    ...(states && { states }),
    trends: await trendsByUrl(deps.store, options.catalog, checks.links, startedAt),
    stats: { elapsedMs: finishedAt.getTime() - startedAt.getTime(), ...checks.stats, ...suggestionStats, probeUrls: probes.size },
  });
  return { report, extractions, runId };
}
