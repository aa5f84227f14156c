import type { RedirectHop, Suggestion } from './check-result.js';
import type { CheckReason } from './check-reason.js';
import { classifyGoogle } from './classify-google.js';
import { detectBotWall } from './detect-bot-wall.js';
import { isHomePageRedirect } from './is-home-page-redirect.js';
import { isSignInUrl } from './is-sign-in-url.js';
import type { ProbeResponse } from './send-probe.js';

export interface ResponseClassification {
  reason: CheckReason;
  detail: string;
  suggestion?: Suggestion;
}

const PERMANENT = new Set([301, 308]);

/**
 * The verdict reason for a chain that ended in an HTTP answer. The final response decides;
 * the chain decides whether an alive answer is really the page (sign-in and home-page
 * redirects are not) and whether a permanent redirect deserves a suggestion.
 */
export function classifyResponse(
  start: URL,
  final: URL,
  hops: readonly RedirectHop[],
  response: ProbeResponse,
  fragment: string,
): ResponseClassification {
  const { status, headers, body } = response;
  const google = classifyGoogle(final, response);
  if (google) return google;
  const wall = detectBotWall(status, headers, body);
  if (wall) return { reason: 'bot_challenge', detail: `${wall} answered (HTTP ${status}) instead of the page` };
  if (status === 999) return { reason: 'http_999', detail: 'HTTP 999: the site refuses crawlers (LinkedIn-style)' };
  if (hops.length > 0 && isSignInUrl(final) && !isSignInUrl(start)) {
    return { reason: 'login_wall', detail: `redirected to a sign-in page (${final.origin}${final.pathname})` };
  }
  if (status >= 200 && status < 300) {
    if (hops.length > 0 && isHomePageRedirect(start, final)) {
      return { reason: 'soft_404', detail: `a deep link redirected to the home page ${final.href}` };
    }
    const permanent = hops.findLast((hop) => PERMANENT.has(hop.status));
    if (permanent) {
      const url = new URL(permanent.location);
      if (fragment && !url.hash) url.hash = fragment;
      return {
        reason: 'permanent_redirect',
        detail: `moved permanently (HTTP ${permanent.status}) to ${permanent.location}`,
        suggestion: { url: url.href, kind: 'permanent_redirect' },
      };
    }
    return { reason: 'ok', detail: hops.length > 0 ? `HTTP ${status} after ${hops.length} temporary redirect(s)` : `HTTP ${status}` };
  }
  return classifyFailureStatus(status);
}

function classifyFailureStatus(status: number): ResponseClassification {
  const detail = `HTTP ${status}`;
  switch (status) {
    case 404: return { reason: 'http_404', detail: `${detail}: not found` };
    case 410: return { reason: 'http_410', detail: `${detail}: gone` };
    case 401: return { reason: 'http_401', detail: `${detail}: a login is needed` };
    case 403: return { reason: 'http_403', detail: `${detail}: forbidden (no bot wall recognised)` };
    case 451: return { reason: 'http_451', detail: `${detail}: unavailable for legal reasons` };
    case 429: return { reason: 'http_429', detail: `${detail}: still rate limited after the allowed waits` };
  }
  if (status >= 300 && status < 400) return { reason: 'bad_redirect', detail: `${detail} without a Location to follow` };
  if (status >= 400 && status < 500) return { reason: 'http_4xx', detail };
  if (status >= 500 && status < 600) return { reason: 'http_5xx', detail: `${detail} after retries` };
  return { reason: 'unexpected_status', detail: `${detail} is not a final HTTP status` };
}
