import type { CheckContext, Tally } from './check-context.js';
import type { RedirectHop } from './check-result.js';
import type { ErrorClassification } from './classify-error.js';
import { requestWithRetries } from './request-with-retries.js';
import type { ProbeMethod, ProbeResponse } from './send-probe.js';

export type ChainOutcome = { hops: RedirectHop[]; finalUrl: URL } & (
  | { kind: 'response'; response: ProbeResponse }
  | { kind: 'error'; error: ErrorClassification }
  | { kind: 'deferred'; until: number; waitMs: number }
  | { kind: 'broken'; reason: 'redirect_loop' | 'too_many_redirects' | 'bad_redirect' | 'redirect_to_other_scheme'; detail: string }
);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Follows a redirect chain hop by hop with one method, recording every hop with its Location
 * resolved against the current URL. Each hop is scheduled (and guarded) on its own host. A
 * per-chain cookie jar lets sites that set a cookie and redirect to themselves finish, so only
 * a real revisit (same URL, same cookies) counts as a loop.
 */
export async function followRedirects(start: URL, method: ProbeMethod, ctx: CheckContext, tally: Tally): Promise<ChainOutcome> {
  const hops: RedirectHop[] = [];
  // Made on the first redirect: most links answer at once, and 10,000 links should not pay for them.
  let jar: Map<string, Map<string, string>> | undefined;
  let visited: Set<string> | undefined;
  let url = start;
  for (;;) {
    const cookie = jar ? cookieHeader(jar, url) : '';
    if (visited) {
      const key = `${url.href} ${cookie}`;
      if (visited.has(key)) {
        return { hops, finalUrl: url, kind: 'broken', reason: 'redirect_loop', detail: `the redirect chain returns to ${url.href}` };
      }
      visited.add(key);
    }
    const outcome = await requestWithRetries(url, method, cookie, ctx, tally);
    if (outcome.kind !== 'response') return { hops, finalUrl: url, ...outcome };
    const { response } = outcome;
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || location === undefined) return { hops, finalUrl: url, kind: 'response', response };
    visited ??= new Set([`${url.href} ${cookie}`]);
    jar = storeCookies(jar, url, response.headers['set-cookie']);

    const next = URL.parse(String(location), url.href);
    if (!next) {
      return { hops, finalUrl: url, kind: 'broken', reason: 'bad_redirect', detail: `HTTP ${response.status} to an unusable Location: ${String(location)}` };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      const detail = `HTTP ${response.status} to ${next.protocol} ${String(location)}, which a browser hands to another program`;
      return { hops, finalUrl: url, kind: 'broken', reason: 'redirect_to_other_scheme', detail };
    }
    next.hash = '';
    hops.push({ status: response.status, location: next.href });
    if (hops.length > ctx.options.maxRedirects) {
      return { hops, finalUrl: next, kind: 'broken', reason: 'too_many_redirects', detail: `more than ${ctx.options.maxRedirects} redirects` };
    }
    url = next;
  }
}

function cookieHeader(jar: Map<string, Map<string, string>>, url: URL): string {
  const cookies = jar.get(url.hostname);
  return cookies ? [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') : '';
}

function storeCookies(
  jar: Map<string, Map<string, string>> | undefined,
  url: URL,
  header: string | string[] | undefined,
): Map<string, Map<string, string>> | undefined {
  for (const line of header === undefined ? [] : Array.isArray(header) ? header : [header]) {
    const pair = /^\s*([^=;\s]+)=([^;]*)/.exec(line);
    if (!pair) continue;
    jar ??= new Map();
    const cookies = jar.get(url.hostname) ?? new Map<string, string>();
    cookies.set(pair[1]!, pair[2]!);
    jar.set(url.hostname, cookies);
  }
  return jar;
}
