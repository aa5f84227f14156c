/**
 * Stage 2 (check) outcome for one URL. A closed set: every consumer (history, issues, report)
 * switches over these strings, so adding one is a deliberate, reviewed change.
 */
export const VERDICTS = {
  alive: 'The target answers with content (2xx), directly or through temporary redirects.',
  redirected: 'Alive, but only through a permanent redirect or a repository rename; a suggestion holds the new URL.',
  dead: 'The target is gone: 404/410 (or another 4xx), a soft 404, a redirect loop, repository not found or disabled, or a host name that does not exist.',
  restricted: 'The target exists but needs a login or permission (401, 403, private, sign-in page); never dead.',
  blocked: 'A bot wall answered instead of the target (Cloudflare challenge, LinkedIn 999); a human must look.',
  rate_limited: 'The host kept answering 429 (or its API budget ran out) past the wait cap; retried next run.',
  server_error: 'The host kept answering 5xx after retries.',
  timeout: 'No answer within the connect, response or total time budget after retries.',
  network_error: 'The connection was refused, reset or failed below HTTP after retries.',
  tls_error: 'The certificate or TLS handshake is invalid (expired, self-signed, wrong host).',
  malformed: 'The URL cannot be parsed or requested as written.',
  skipped: 'Not checked on purpose (non-HTTP scheme, excluded by config, private address, relative link) or not judged because the checker was offline.',
} as const;

export type Verdict = keyof typeof VERDICTS;

export const VERDICT_NAMES = Object.keys(VERDICTS) as Verdict[];

/** Verdicts that mean "a reader who clicks this gets nothing useful". Only these can become dead. */
export const FAILING_VERDICTS: ReadonlySet<Verdict> = new Set([
  'dead', 'server_error', 'timeout', 'network_error', 'tls_error', 'malformed',
]);

/** Verdicts that need a human to judge; they never become confirmed dead. */
export const HUMAN_VERDICTS: ReadonlySet<Verdict> = new Set(['restricted', 'blocked', 'rate_limited']);
