import { z } from 'zod';
import type { Suggestion } from '../../check/check-result.js';
import { USER_AGENT } from '../../http/user-agent.js';
import { defaultFetch, type Fetch } from '../default-fetch.js';

export interface WaybackDeps {
  /** Read for `WAYBACK_API_URL`; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The availability API's host; wins over `WAYBACK_API_URL`. Default https://archive.org. */
  baseUrl?: string;
  fetch?: Fetch;
  /** The API is slow under load; past this, no suggestion. */
  timeoutMs?: number;
  /** Ask for the capture closest to this time (e.g. when the link was last alive); default the latest. */
  timestamp?: Date;
}

export const DEFAULT_WAYBACK_URL = 'https://archive.org';

// Third-party response: only what we read. Misses come back as `archived_snapshots: {}`.
const AvailabilitySchema = z.object({
  archived_snapshots: z.object({
    closest: z.object({
      available: z.boolean(),
      url: z.string(),
      timestamp: z.string(),
      status: z.string().optional(),
    }).optional(),
  }).optional(),
});

const waybackTimestamp = (date: Date) => date.toISOString().replace(/[-:T]/g, '').slice(0, 14);

// The API often misses a URL with a trailing slash that it has without one (notes §4.1).
function candidates(url: string): string[] {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || parsed.pathname === '/' || !parsed.pathname.endsWith('/') || parsed.search || parsed.hash) return [url];
  return [url, url.replace(/\/+$/, '')];
}

/** What the availability API said about a URL. */
export type ArchiveLookup =
  /** A 2xx capture exists: its address, as a suggestion. */
  | { kind: 'found'; suggestion: Suggestion }
  /** The API answered: no capture, or the closest one was not a 2xx. Worth remembering. */
  | { kind: 'none' }
  /** The API was slow, down or answered nonsense: says nothing about the URL; asked again next time. */
  | { kind: 'failed' };

/** The closest Wayback Machine capture of a dead link, telling "none" (an answer) from "failed" (no answer). */
export async function lookupArchiveSnapshot(url: string, deps: WaybackDeps = {}): Promise<ArchiveLookup> {
  const env = deps.env ?? process.env;
  const base = (deps.baseUrl ?? env.WAYBACK_API_URL ?? DEFAULT_WAYBACK_URL).replace(/\/+$/, '');
  const fetch = deps.fetch ?? defaultFetch;
  for (const candidate of candidates(url)) {
    const query = new URL(`${base}/wayback/available`);
    query.searchParams.set('url', candidate);
    if (deps.timestamp) query.searchParams.set('timestamp', waybackTimestamp(deps.timestamp));
    let body: unknown;
    try {
      const response = await fetch(query, {
        headers: { accept: 'application/json', 'user-agent': USER_AGENT },
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return { kind: 'failed' };
      }
      body = await response.json();
    } catch {
      return { kind: 'failed' };
    }
    const parsed = AvailabilitySchema.safeParse(body);
    if (!parsed.success) return { kind: 'failed' };
    const closest = parsed.data.archived_snapshots?.closest;
    if (!closest?.available) continue;
    if (closest.status !== undefined && !/^2\d\d$/.test(closest.status)) return { kind: 'none' };
    // Captures are served over HTTPS too; a fix pull request should not add an http:// link.
    return { kind: 'found', suggestion: { url: closest.url.replace(/^http:\/\/web\.archive\.org\//, 'https://web.archive.org/'), kind: 'archive' } };
  }
  return { kind: 'none' };
}

/**
 * The closest Wayback Machine capture of a dead link, from the availability API. Returns
 * undefined when there is none, when the closest capture was not a 2xx, and when the API is
 * slow, down or answers nonsense: a missing suggestion never stops a run.
 */
export async function findArchiveSnapshot(url: string, deps: WaybackDeps = {}): Promise<Suggestion | undefined> {
  const lookup = await lookupArchiveSnapshot(url, deps);
  return lookup.kind === 'found' ? lookup.suggestion : undefined;
}
