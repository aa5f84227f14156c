import { z } from 'zod';

/** Machine state in the fix pull request's body: which pairs it proposes, and its fingerprint. */
export interface FixPullMarkers {
  fingerprint: string;
  /** Every (old → new) pair in the pull request: a human closing it unmerged rejects them all. */
  pairs: Array<{ from: string; to: string }>;
  /** Set when linkmedic itself closed the pull request (nothing left to fix): not a rejection. */
  closedByBot?: { run: number };
}

const DATA = /<!-- linkmedic:fix-pull-request data=([A-Za-z0-9_-]+) -->/;
const CLOSED = /<!-- linkmedic:closed-by-bot run=(\d+) -->/;
const dataSchema = z.object({ v: z.literal(1), fingerprint: z.string(), pairs: z.array(z.tuple([z.string(), z.string()])) });

// base64url: URLs may contain `-->`, which would end an HTML comment written as plain JSON.
export function dataMarker(markers: Omit<FixPullMarkers, 'closedByBot'>): string {
  const json = JSON.stringify({ v: 1, fingerprint: markers.fingerprint, pairs: markers.pairs.map((p) => [p.from, p.to]) });
  return `<!-- linkmedic:fix-pull-request data=${Buffer.from(json).toString('base64url')} -->`;
}

export function closedByBotMarker(run: number): string {
  return `<!-- linkmedic:closed-by-bot run=${run} -->`;
}

export function parseFixPullMarkers(body: string | null | undefined): FixPullMarkers | undefined {
  const data = DATA.exec(body ?? '');
  if (!data) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data[1]!, 'base64url').toString('utf8'));
  } catch {
    return undefined; // a body a human mangled carries no state; it is never a crash
  }
  const parsed = dataSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const closed = CLOSED.exec(body!);
  return {
    fingerprint: parsed.data.fingerprint,
    pairs: parsed.data.pairs.map(([from, to]) => ({ from, to })),
    ...(closed && { closedByBot: { run: Number(closed[1]) } }),
  };
}
