import type { CheckOptions } from '../check/check-options.js';
import type { CheckRun } from '../check/check-run.js';
import { checkUrls, type UrlSource } from '../check/check-urls.js';
import { createUrlFeed } from '../check/create-url-feed.js';
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

async function checkThroughApis(githubUrls: readonly string[], hubUrls: readonly string[], deps: CheckLinksDeps) {
  const apiDeps = { env: deps.env, fetch: deps.http.fetch, now: deps.now, ...(deps.sleep && { sleep: deps.sleep }) };
  const [github, hub] = await Promise.all([
    checkGithubRepos(githubUrls, { ...apiDeps, ...deps.github }),
    checkHuggingFaceRepos(hubUrls, { ...apiDeps, ...(deps.onHubRateLimit && { onRateLimit: deps.onHubRateLimit }) }),
  ]);
  return { github, hub };
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
 * anything an API could not vouch for — through the HTTP checker. URLs may arrive while they are
 * still being found (an async source): HTTP checks start at once, API batches when the source ends.
 */
export async function checkLinks(
  urls: UrlSource,
  options: {
    check?: CheckOptions;
    exclude?: readonly RegExp[];
    /**
     * Relative links and the `file:` URL each names on disk (local runs only); checked there. A
     * URL's entry must be set before the URL arrives.
     */
    localFiles?: ReadonlyMap<string, string>;
  },
  deps: CheckLinksDeps,
): Promise<LinkChecks> {
  const links = new Map<string, CheckedLink>();
  const hasGithubToken = Boolean(deps.github?.client ?? deps.github?.token ?? deps.env.GITHUB_TOKEN);
  const githubUrls: string[] = [];
  const hubUrls: string[] = [];
  const httpFeed = createUrlFeed();
  const checking = checkUrls(httpFeed, options.check, {
    http: deps.http,
    now: () => deps.now().getTime(),
    ...(deps.sleep && { sleep: deps.sleep }),
  });
  // Awaited at the end; until then a failure of the checker must not count as unhandled.
  checking.catch(() => undefined);
  // Several links may name one file (`./a.md#x`, `/a.md`): one check, a verdict for each.
  const linksOf = new Map<string, string[]>();
  const fallbacks = new Map<string, string>();
  let github: Awaited<ReturnType<typeof checkGithubRepos>>;
  let hub: Awaited<ReturnType<typeof checkHuggingFaceRepos>>;
  try {
    for await (const url of urls) {
      const pattern = options.exclude?.find((candidate) => candidate.test(url));
      const file = options.localFiles?.get(url);
      if (file) linksOf.set(file, [...(linksOf.get(file) ?? []), url]);
      if (pattern) links.set(url, excludedLink(url, pattern));
      else if (hasGithubToken && parseGithubRepoUrl(url)) githubUrls.push(url);
      else if (parseHuggingFaceUrl(url)) hubUrls.push(url);
      else httpFeed.push(file ?? url);
    }
    ({ github, hub } = await checkThroughApis(githubUrls, hubUrls, deps));
  } catch (error) {
    // Requests under way finish (and their sockets close) before the error goes up.
    httpFeed.end(error);
    await checking.catch(() => undefined);
    throw error;
  }
  const take = <F>(checks: Iterable<ApiCheck<F>>, checkedBy: CheckedLink['checkedBy'], key: 'github' | 'huggingface') => {
    for (const check of checks) {
      if (check.outcome === 'verified') {
        links.set(check.url, { result: check.result, checkedBy, ...(check.facts ? { [key]: check.facts } : {}) });
      } else {
        fallbacks.set(check.url, `${check.reason}: ${check.detail}`);
        httpFeed.push(check.url);
      }
    }
  };
  take(github.checks.values(), 'github_api', 'github');
  take(hub.checks.values(), 'huggingface_api', 'huggingface');
  httpFeed.end();
  const http = await checking;
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
