import { fileURLToPath } from 'node:url';
import type { CheckResult } from './check-result.js';
import { CHECK_REASONS, type CheckReason } from './check-reason.js';

export type Triage =
  | { kind: 'http'; url: URL }
  | { kind: 'file'; path: string }
  | { kind: 'done'; result: CheckResult };

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Sorts a catalog URL before any network use: http(s) to check, `file:` to look up on disk,
 * everything else answered at once (relative links, other schemes, unparseable URLs).
 */
export function triageUrl(input: string): Triage {
  if (!HAS_SCHEME.test(input)) {
    return done(input, 'relative_link', input.startsWith('#') ? 'a same-page anchor' : 'a relative link; nothing to request');
  }
  const url = URL.parse(input);
  if (!url) return done(input, 'malformed_url', 'the URL cannot be parsed');
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === '') return done(input, 'malformed_url', 'the URL has no host');
    return { kind: 'http', url };
  }
  if (url.protocol === 'file:') {
    try {
      return { kind: 'file', path: fileURLToPath(url) };
    } catch {
      return done(input, 'malformed_url', 'the file URL names no local path');
    }
  }
  return done(input, 'unsupported_scheme', `${url.protocol} links are not checked`);
}

function done(url: string, reason: CheckReason, detail: string): Triage {
  return { kind: 'done', result: { url, verdict: CHECK_REASONS[reason][0], reason, detail, redirects: [], elapsedMs: 0 } };
}
