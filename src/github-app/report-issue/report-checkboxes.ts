/** What a box in the report asks for when ticked. */
export type TickVerb =
  /** Check this link again now and show the answer. */
  | 'recheck'
  /** Check every failing link again now. */
  | 'recheck-all'
  /** Stop reporting this link and opening issues for it; no archived copy replaces it in the fix pull request. */
  | 'ignore'
  /** Undo an earlier `ignore`. */
  | 'unignore';

export interface Tick {
  verb: TickVerb;
  /** `urlKey` of the link; absent for `recheck-all`. */
  key?: string;
}

// The hidden key is what counts (Renovate's approach): the visible text may change freely.
const BOX = /^[ \t]*[-*] \[([ xX])\] <!-- linkmedic:(recheck-all|recheck|unignore|ignore)(?:=([0-9a-f]+))? -->/gm;

/** The box an ignored link gets in the report; what other messages tell a maintainer to tick to undo an ignore. */
export const STOP_IGNORING_LABEL = 'stop ignoring';

export const tickId = (tick: Tick): string => (tick.key ? `${tick.verb}=${tick.key}` : tick.verb);

/** A task-list line; `indent` nests it under a link's line. */
export function checkbox(tick: Tick, label: string, ticked: ReadonlySet<string>, indent = ''): string {
  const id = tickId(tick);
  return `${indent}- [${ticked.has(id) ? 'x' : ' '}] <!-- linkmedic:${id} --> ${label}`;
}

/** Every ticked box of a body, in order, each once. */
export function parseTicks(body: string | null | undefined): Tick[] {
  const seen = new Map<string, Tick>();
  for (const match of (body ?? '').matchAll(BOX)) {
    if (match[1] === ' ') continue;
    const tick: Tick = { verb: match[2] as TickVerb, ...(match[3] && { key: match[3] }) };
    seen.set(tickId(tick), tick);
  }
  return [...seen.values()];
}

/** The boxes a human ticked in one edit: ticked after it, not before. */
export function newlyTicked(before: string | null | undefined, after: string | null | undefined): Tick[] {
  const earlier = new Set(parseTicks(before).map(tickId));
  return parseTicks(after).filter((tick) => !earlier.has(tickId(tick)));
}
