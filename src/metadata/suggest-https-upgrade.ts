import type { CheckResult, Suggestion } from '../check/check-result.js';
import { FAILING_VERDICTS, type Verdict } from '../check/verdict.js';
import { httpsForm } from './https-form.js';

/** An answer from the page itself; a bot wall, a login wall, a rate limit or a TLS failure is not one. */
const ANSWERED: ReadonlySet<Verdict> = new Set(['alive', 'redirected']);

/** The page a URL names whatever its scheme: host (with a port only if not the default), path, query. */
function pageOf(url: string): string | undefined {
  const parsed = URL.parse(url);
  return parsed ? `${parsed.host}${parsed.pathname}${parsed.search}` : undefined;
}

const finalPage = (result: CheckResult): string | undefined => pageOf(result.finalUrl ?? result.url);

/**
 * The `https://` form of a plain `http://` link, when this run saw it give the same page.
 * `resultFor` answers with this run's check of a URL (the https forms are probed with the catalog).
 *
 * Same page means: the http link answered (alive or redirected) and both end, after redirects, on
 * the same host, path and query — an http link that redirects to its own https form is the plainest
 * case; two answers from the same address are the same page. A failing http link (404, refused on
 * port 80, a timeout) qualifies only if the https form answers at the very same address, not through
 * a redirect: there is no http page to compare with, and a redirect could be anything. Its verdict
 * stays what http gave; the suggestion is the fix a maintainer wants. Never when either side hid
 * the page (bot wall, login wall, rate limit) or the certificate failed, nor when the https form
 * lands elsewhere (another host, a parking page; the home page is already `soft_404`).
 *
 * Precedence: a repository rename, a markdown fix or a permanent redirect to another page keeps
 * its suggestion — it is the better fix, and it changes the scheme too when the new URL is https.
 * A permanent redirect to exactly the https form becomes `https_upgrade`: only the scheme changed,
 * the page did not move. When the https form itself redirects permanently, its target is suggested
 * so the link is not fixed twice. Archived copies come last (only links without a suggestion).
 */
export function suggestHttpsUpgrade(link: CheckResult, resultFor: (url: string) => CheckResult | undefined): Suggestion | undefined {
  const target = httpsForm(link.url);
  if (!target) return undefined;
  const current = link.suggestion;
  if (current && !(current.kind === 'permanent_redirect' && pageOf(current.url) === pageOf(target))) return undefined;
  const secure = resultFor(target);
  if (!secure || !ANSWERED.has(secure.verdict)) return undefined;
  const samePage = ANSWERED.has(link.verdict)
    ? finalPage(link) === finalPage(secure)
    : FAILING_VERDICTS.has(link.verdict) && pageOf(target) === finalPage(secure);
  if (!samePage) return undefined;
  return { url: secure.suggestion?.kind === 'permanent_redirect' ? secure.suggestion.url : target, kind: 'https_upgrade' };
}
