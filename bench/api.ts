/**
 * `npm run bench:api`: API requests per run for the bundled catalog's GitHub and Hugging Face
 * links, against the local fakes seeded with the catalog's repositories. Counts come from the
 * fakes (every request they answered). Prints a table; asserts nothing.
 * Targets (issue 4 §6): at most 3 GraphQL requests for the catalog's GitHub repositories; one Hub
 * request per repository, within the anonymous budget of 500 per 5 minutes.
 */
import { extractFiles } from '../src/catalog/extract-files.js';
import { checkGithubRepos } from '../src/metadata/github/check-github-repos.js';
import { parseGithubRepoUrl } from '../src/metadata/github/parse-github-repo-url.js';
import { checkHuggingFaceRepos } from '../src/metadata/huggingface/check-hugging-face-repos.js';
import { parseHuggingFaceUrl } from '../src/metadata/huggingface/parse-hugging-face-url.js';
import { markdownFixTargets } from '../src/metadata/suggest-markdown-fixes.js';
import { startFakeGithubApi } from '../tests/support/fake-github-api/fake-github-api.js';
import { startFakeHub } from '../tests/support/fake-hub/fake-hub.js';

interface Row {
  provider: string;
  scenario: string;
  links: number;
  repos: number;
  requests: string;
  verdicts: string;
  budget: string;
  ms: number;
}

const extractions = await extractFiles([]);
const rendered = [...new Set(extractions.flatMap((e) => e.occurrences.map((o) => o.url)))];
// A run also asks about the corrected form of escaped or space-cut URLs (markdown-fix suggestions).
const corrected = markdownFixTargets(extractions.flatMap((e) => e.findings)).map((target) => target.url);
const urls = [...new Set([...rendered, ...corrected])];
const githubUrls = urls.filter((url) => parseGithubRepoUrl(url));
const hubUrls = urls.filter((url) => parseHuggingFaceUrl(url));
const distinct = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];
const githubRepos = distinct(githubUrls.map((u) => parseGithubRepoUrl(u)!), (r) => `${r.owner}/${r.repo}`.toLowerCase());
const hubRepos = distinct(hubUrls.map((u) => parseHuggingFaceUrl(u)!), (r) => `${r.kind}:${r.id.toLowerCase()}`);

const tally = (verdicts: string[]) =>
  Object.entries(verdicts.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {}))
    .map(([v, n]) => `${v} ${n}`).join(', ');
const verdictsOf = (checks: { outcome: string; result?: { verdict: string }; reason?: string }[]) =>
  tally(checks.map((c) => (c.outcome === 'verified' ? c.result!.verdict : `unverified:${c.reason}`)));

const rows: Row[] = [];

async function github(scenario: string, options: { maxBatch?: number; night2?: boolean }) {
  const fake = await startFakeGithubApi({
    ...(options.maxBatch ? { maxBatch: options.maxBatch } : {}),
    repos: githubRepos.map((r, i) => ({ fullName: `${r.owner}/${r.repo}`, stars: 100 + 37 * i, forks: i })),
  });
  if (options.night2) {
    const [a, b, c, d, e, f] = githubRepos.map((r) => `${r.owner}/${r.repo}`);
    fake.store.rename(a!, `${a}-renamed`);
    fake.store.rename(b!, `moved-org/${b!.split('/')[1]}`);
    fake.store.update(c!, { archived: true });
    fake.store.delete(d!);
    fake.store.delete(e!);
    fake.store.update(f!, { block: { reason: 'dmca', htmlUrl: 'https://github.com/github/dmca', createdAt: '2026-01-01T00:00:00Z' } });
  }
  const started = performance.now();
  const run = await checkGithubRepos(githubUrls, { env: { GITHUB_TOKEN: 'bench', GITHUB_API_URL: fake.url } });
  const ms = performance.now() - started;
  rows.push({
    provider: 'GitHub', scenario, links: githubUrls.length, repos: githubRepos.length,
    requests: `${fake.counts.graphql} GraphQL (${fake.graphqlBatchSizes.join('+')}) + ${fake.counts.rest} REST`,
    verdicts: verdictsOf(run.checks), budget: `${run.stats.pointsUsed} points`, ms,
  });
  await fake.close();
}

async function hub(scenario: string, options: { quota?: number; windowSeconds?: number; renames?: number }) {
  const fake = await startFakeHub({
    ...(options.quota ? { quota: options.quota } : {}),
    ...(options.windowSeconds ? { windowSeconds: options.windowSeconds } : {}),
    repos: hubRepos.map((r, i) => ({ kind: r.kind, id: r.id, likes: 10 + i, downloads: 1000 * i })),
  });
  for (const r of hubRepos.filter((r) => r.id.includes('/')).slice(0, options.renames ?? 0)) {
    fake.store.rename(r.kind, r.id, `${r.id}-v2`);
  }
  const started = performance.now();
  const run = await checkHuggingFaceRepos(hubUrls, { env: { HF_ENDPOINT: fake.url } });
  const ms = performance.now() - started;
  const policy = `${options.quota ?? 500}/${options.windowSeconds ?? 300}s`;
  rows.push({
    provider: 'Hugging Face', scenario, links: hubUrls.length, repos: hubRepos.length,
    requests: `${fake.counts.requests} API (${fake.counts.throttled} answered 429)`,
    verdicts: verdictsOf(run.checks),
    budget: `max ${run.stats.maxInWindow} per window of ${policy}; waited ${(run.stats.waitedMs / 1000).toFixed(1)} s`, ms,
  });
  await fake.close();
}

await github('every repository present', {});
await github('a night later: 2 renamed, 1 archived, 2 deleted, 1 DMCA', { night2: true });
await github('GitHub times out batches over 30 (502)', { maxBatch: 30 });
await hub('every repository present, anonymous', {});
await hub('3 repositories renamed (one redirect hop each)', { renames: 3 });
await hub('tight budget: 10 per 3 s window', { quota: 10, windowSeconds: 3 });

const columns: [keyof Row, string][] = [
  ['provider', 'API'], ['scenario', 'scenario'], ['links', 'links'], ['repos', 'repos'],
  ['requests', 'requests'], ['budget', 'budget'], ['ms', 'wall ms'], ['verdicts', 'verdicts'],
];
const cell = (row: Row, key: keyof Row) => (key === 'ms' ? row.ms.toFixed(0) : String(row[key]));
const widths = columns.map(([key, title]) => Math.max(title.length, ...rows.map((r) => cell(r, key).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
const caseSensitive = new Set(githubUrls.map((u) => parseGithubRepoUrl(u)!).map((r) => `${r.owner}/${r.repo}`)).size;
console.log(`Bundled catalog: ${rendered.length} distinct rendered URLs + ${corrected.length} corrected forms of escaped or cut URLs.`);
console.log(`GitHub: ${githubUrls.length} repository links, ${githubRepos.length} repositories (${caseSensitive} counting letter case apart). Hugging Face: ${hubUrls.length} links, ${hubRepos.length} repositories.\n`);
console.log(line(columns.map(([, title]) => title)));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(columns.map(([key]) => cell(row, key))));
