/**
 * Hidden machine state at the end of a dead-link issue's body. Titles and visible text are for
 * humans and may be edited; these comments are what linkmedic reads back.
 */
export interface IssueMarkers {
  key: string;
  /** Hash of the meaningful content the body was rendered from (not of timestamps). */
  fingerprint: string;
  /** The recorded run that opened the issue: a retried run counts it against its cap again. */
  openedRun: number;
  /** Set when linkmedic itself closed the issue: never mistaken for a human's "ignore". */
  botClose?: { reason: string; run: number };
  /** Set once linkmedic acknowledged a human's close, keyed to that close. */
  ignored?: { by: string; closedAt: string };
}

const KEY = /<!-- linkmedic:dead-link key=([0-9a-f]+) fingerprint=([0-9a-f]+) opened-run=(\d+) -->/;
const BOT_CLOSE = /<!-- linkmedic:closed-by-bot reason=([a-z_]+) run=(\d+) -->/;
const IGNORED = /<!-- linkmedic:ignored by=(\S+) closed-at=(\S+) -->/;
const STATE_LINES = /\n?<!-- linkmedic:(?:closed-by-bot|ignored) [^\n]*-->/g;

export function parseIssueMarkers(body: string | null | undefined): IssueMarkers | undefined {
  const key = KEY.exec(body ?? '');
  if (!key) return undefined;
  const close = BOT_CLOSE.exec(body!);
  const ignored = IGNORED.exec(body!);
  return {
    key: key[1]!,
    fingerprint: key[2]!,
    openedRun: Number(key[3]),
    ...(close && { botClose: { reason: close[1]!, run: Number(close[2]) } }),
    ...(ignored && { ignored: { by: ignored[1]!, closedAt: ignored[2]! } }),
  };
}

export function keyMarker(markers: Pick<IssueMarkers, 'key' | 'fingerprint' | 'openedRun'>): string {
  return `<!-- linkmedic:dead-link key=${markers.key} fingerprint=${markers.fingerprint} opened-run=${markers.openedRun} -->`;
}

/** The body with its close state replaced (or removed, when `state` is undefined). */
export function withCloseState(body: string, state?: { botClose: { reason: string; run: number } } | { ignored: { by: string; closedAt: string } }): string {
  const base = body.replace(STATE_LINES, '');
  if (!state) return base;
  if ('botClose' in state) return `${base}\n<!-- linkmedic:closed-by-bot reason=${state.botClose.reason} run=${state.botClose.run} -->`;
  // Logins never contain spaces; the timestamp is GitHub's own `closed_at`.
  return `${base}\n<!-- linkmedic:ignored by=${state.ignored.by} closed-at=${state.ignored.closedAt} -->`;
}

export function hasCloseState(body: string | null | undefined): boolean {
  return BOT_CLOSE.test(body ?? '') || IGNORED.test(body ?? '');
}
