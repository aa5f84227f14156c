import type { CheckOptions } from '../check/check-options.js';
import type { CheckRun } from '../check/check-run.js';
import { checkUrls } from '../check/check-urls.js';
import type { HttpClient } from '../http/http-client.js';
import type { ApiCheck } from '../metadata/api-check.js';
import { checkGithubRepos } from '../metadata/github/check-github-repos.js';
import type { GithubClient } from '../metadata/github/create-github-octokit.js';
import { parseGithubRepoUrl } from '../metadata/github/parse-github-repo-url.js';
import { checkHuggingFaceRepos } from '../metadata/huggingface/check-hugging-face-repos.js';
import { parseHuggingFaceUrl } from '../metadata/huggingface/parse-hugging-face-url.js';
import type { HubRateLimit } from '../metadata/huggingface/parse-rate-limit-headers.js';
import type { CheckedLink } from './checked-link.js';

export interface CheckLinksDeps {
  http: HttpClient;
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /** The GitHub App's installation client, or a token; else `GITHUB_TOKEN` from `env`. */
  github?: { client?: GithubClient; token?: string };
  sleep?: (ms: number) => Promise<void>;
  /** Told what each Hub answer said about the API budget. */
  onHubRateLimit?: (limit: HubRateLimit) => void;
}

export interface LinkChecks {
  links: Map<string, CheckedLink>;
  conclusive: boolean;
  inconclusiveReason?: string;
  stats: { httpRequests: number; graphqlRequests: number; githubRestRequests: number; hubRequests: number };
  http: CheckRun;
}

function excludedLink(url: string, pattern: RegExp): CheckedLink {
  return {
    checkedBy: 'config',
    result: { url, verdict: 'skipped', reason: 'excluded', detail: `excluded by the pattern ${pattern.source}`, redirects: [], elapsedMs: 0 },
  };
}

/**
 * Gives every URL a verdict from the best source: repository links through the GitHub and
 * Hugging Face APIs (no scraping, and they return stars and likes), everything else — and
 * anything an API could not vouch for — through the HTTP checker.
 */
export async function checkLinks(
  urls: readonly string[],
  options: {
    check?: CheckOptions;
    exclude?: readonly RegExp[];
    /** Relative links and the `file:` URL each names on disk (local runs only); checked there. */
    localFiles?: ReadonlyMap<string, string>;
  },
  deps: CheckLinksDeps,
): Promise<LinkChecks> {
  const links = new Map<string, CheckedLink>();
  const hasGithubToken = Boolean(deps.github?.client ?? deps.github?.token ?? deps.env.GITHUB_TOKEN);
  const githubUrls: string[] = [];
  const hubUrls: string[] = [];
  const httpUrls: string[] = [];
  for (const url of urls) {
    const pattern = options.exclude?.find((candidate) => candidate.test(url));
    if (pattern) links.set(url, excludedLink(url, pattern));
    else if (hasGithubToken && parseGithubRepoUrl(url)) githubUrls.push(url);
    else if (parseHuggingFaceUrl(url)) hubUrls.push(url);
    else httpUrls.push(options.localFiles?.get(url) ?? url);
  }
  // Several links may name one file (`./a.md#x`, `/a.md`): one check, a verdict for each.
  const linksOf = new Map<string, string[]>();
  for (const [link, file] of options.localFiles ?? []) linksOf.set(file, [...(linksOf.get(file) ?? []), link]);

  const apiDeps = { env: deps.env, fetch: deps.http.fetch, now: deps.now, ...(deps.sleep && { sleep: deps.sleep }) };
  const [github, hub] = await Promise.all([
    checkGithubRepos(githubUrls, { ...apiDeps, ...deps.github }),
    checkHuggingFaceRepos(hubUrls, { ...apiDeps, ...(deps.onHubRateLimit && { onRateLimit: deps.onHubRateLimit }) }),
  ]);
  const fallbacks = new Map<string, string>();
  const take = <F>(checks: Iterable<ApiCheck<F>>, checkedBy: CheckedLink['checkedBy'], key: 'github' | 'huggingface') => {
    for (const check of checks) {
      if (check.outcome === 'verified') {
        links.set(check.url, { result: check.result, checkedBy, ...(check.facts ? { [key]: check.facts } : {}) });
      } else {
        fallbacks.set(check.url, `${check.reason}: ${check.detail}`);
        httpUrls.push(check.url);
      }
    }
  };
  take(github.checks.values(), 'github_api', 'github');
  take(hub.checks.values(), 'huggingface_api', 'huggingface');

  const http = await checkUrls(httpUrls, options.check, {
    http: deps.http,
    now: () => deps.now().getTime(),
    ...(deps.sleep && { sleep: deps.sleep }),
  });
  for (const [checked, result] of http.results) {
    for (const url of linksOf.get(checked) ?? [checked]) {
      const apiFallback = fallbacks.get(url);
      links.set(url, { result: { ...result, url }, checkedBy: 'http', ...(apiFallback && { apiFallback }) });
    }
  }
  return {
    links,
    conclusive: http.conclusive,
    ...(http.inconclusiveReason && { inconclusiveReason: http.inconclusiveReason }),
    stats: {
      httpRequests: http.stats.requests,
      graphqlRequests: github.stats.graphqlRequests,
      githubRestRequests: github.stats.restRequests,
      hubRequests: hub.stats.requests,
    },
    http,
  };
}
