/** The Hub's rate-limit headers (draft-ietf-httpapi-ratelimit-headers-09, notes §3.4). */
export interface HubRateLimit {
  /** Requests left in the current window (`r`). */
  remaining?: number;
  /** Seconds until the window resets (`t`). */
  resetSeconds?: number;
  /** Requests per window (`q` of the policy). */
  quota?: number;
  /** Window length in seconds (`w` of the policy). */
  windowSeconds?: number;
  /** `Retry-After` in seconds (the Hub may send it on a 429). */
  retryAfterSeconds?: number;
}

function params(value: string | null): Map<string, number> {
  const found = new Map<string, number>();
  // `"api";r=0;t=55` and `"fixed window";"api";q=500;w=300`: numeric parameters after `;`. The
  // headers are lists; a /api/ answer reports the api bucket first.
  for (const part of (value ?? '').split(',')[0]!.split(';')) {
    const match = /^\s*([a-z]+)\s*=\s*(\d+)\s*$/i.exec(part);
    if (match) found.set(match[1]!.toLowerCase(), Number(match[2]));
  }
  return found;
}

/** A whole number of seconds or requests, as the separate fields of earlier drafts carry them. */
const count = (value: string | null): number | undefined => (value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined);

/**
 * Reads `RateLimit`, `RateLimit-Policy` and `Retry-After` (seconds); malformed values are left out.
 * Without `r`/`t` in `RateLimit`, the earlier drafts' `RateLimit-Remaining` / `RateLimit-Reset` count.
 */
export function parseRateLimitHeaders(headers: Headers): HubRateLimit {
  const limit = params(headers.get('ratelimit'));
  const policy = params(headers.get('ratelimit-policy'));
  const result: HubRateLimit = {};
  const set = (key: keyof HubRateLimit, value: number | undefined) => {
    if (value !== undefined && Number.isFinite(value)) result[key] = value;
  };
  set('remaining', limit.get('r') ?? count(headers.get('ratelimit-remaining')));
  set('resetSeconds', limit.get('t') ?? count(headers.get('ratelimit-reset')));
  set('quota', policy.get('q'));
  set('windowSeconds', policy.get('w'));
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) result.retryAfterSeconds = Number(retryAfter.trim());
  return result;
}
