import { z } from 'zod';
import type { CheckProgress } from './check-run.js';

/** Politeness for one host (and its subdomains). */
export const hostPolicySchema = z
  .object({
    /** Requests in flight at once to this host. */
    concurrency: z.number().int().min(1).optional(),
    /** Minimum gap between request starts to this host, in ms. */
    intervalMs: z.number().int().min(0).optional(),
    /** Try HEAD before GET. Off where the answer is only in the body (Drive). */
    headFirst: z.boolean().optional(),
  })
  .strict();

export type HostPolicy = z.infer<typeof hostPolicySchema>;

/**
 * Hosts that rate-limit crawlers (see shared/notes/link-checkers.md §5): github.com web pages
 * answer 429 with Retry-After 60; huggingface.co allows 100 anonymous page views per 5 minutes;
 * Drive has no published limit and throttles bursts; arXiv asks for one request every few seconds.
 */
export const DEFAULT_HOST_POLICIES: Readonly<Record<string, HostPolicy>> = {
  'github.com': { concurrency: 2, intervalMs: 1_000 },
  'huggingface.co': { concurrency: 1, intervalMs: 3_000 },
  'drive.google.com': { concurrency: 1, intervalMs: 1_000, headFirst: false },
  'docs.google.com': { concurrency: 1, intervalMs: 1_000, headFirst: false },
  'arxiv.org': { concurrency: 1, intervalMs: 3_000 },
};

const timeoutsSchema = z
  .object({
    /** TCP + TLS handshake. Applied by the HTTP client (see `resolveTimeouts`). */
    connect: z.number().int().positive().optional(),
    /** From request sent to response head. */
    headers: z.number().int().positive().optional(),
    /** One request from start to the last byte we read. */
    total: z.number().int().positive().optional(),
  })
  .strict();

export const checkOptionsSchema = z
  .object({
    /** Requests in flight at once, all hosts together. */
    concurrency: z.number().int().min(1).default(256),
    /** Requests in flight at once to one host, unless `hosts` says otherwise. */
    perHostConcurrency: z.number().int().min(1).default(8),
    /** Minimum gap between request starts to one host, unless `hosts` says otherwise. */
    perHostIntervalMs: z.number().int().min(0).default(0),
    /** Per-host overrides, merged over DEFAULT_HOST_POLICIES; a key covers its subdomains. */
    hosts: z.record(z.string(), hostPolicySchema).default({}),
    /** A number (the CLI's `--timeout MS`) bounds each request; an object sets budgets apart. */
    timeoutMs: z.union([z.number().int().positive(), timeoutsSchema]).default({}),
    /** Extra attempts after 5xx, resets, refused connections and temporary DNS failures. */
    retries: z.number().int().min(0).max(10).default(2),
    /** First backoff step; doubles per attempt, plus up to the same again as jitter. */
    backoffMs: z.number().int().min(0).default(1_000),
    /** Longest Retry-After we wait for inside a run; longer waits defer the URL. */
    retryAfterCapMs: z.number().int().min(0).default(60_000),
    /** How many 429 answers one URL may get (each waited out) before it is `rate_limited`. */
    rateLimitRetries: z.number().int().min(0).max(10).default(3),
    maxRedirects: z.number().int().min(0).max(30).default(10),
    /** Bytes of body read at most, only when the verdict depends on the page (bot walls, Drive). */
    maxBodyBytes: z.number().int().min(0).default(64 * 1024),
    /** Directory under which `file:` URLs may be checked; unset means they are skipped. */
    localRoot: z.string().optional(),
    /** Names that always resolve when online; probed to tell an offline checker from NXDOMAIN. */
    canaryHosts: z.array(z.string()).default(['example.com', 'www.iana.org']),
    /** Share of hosts failing below DNS/routing at which the run is suspected offline. */
    offlineThreshold: z.number().min(0).max(1).default(0.9),
    onProgress: z.custom<(progress: CheckProgress) => void>((v) => typeof v === 'function').optional(),
  })
  .strict();

export type CheckOptions = z.input<typeof checkOptionsSchema>;
export type ResolvedCheckOptions = z.output<typeof checkOptionsSchema>;
