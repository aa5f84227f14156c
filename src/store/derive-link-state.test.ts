import { describe, expect, it } from 'vitest';
import type { Verdict } from '../check/verdict.js';
import { DEFAULT_DEAD_RULES, deadRules, type DeadRules } from './dead-rules.js';
import { deriveLinkState } from './derive-link-state.js';
import type { TimelinePoint } from './timeline-point.js';
import { HOUR, T0 } from './test-fixtures/make-run.js';

/** `[hours after T0, verdict, reason, options]`: one night's result for the link. */
type Night = readonly [hours: number, verdict: Verdict, reason?: string, options?: { inconclusive?: true; minutes?: number }];

const REASON: Partial<Record<Verdict, string>> = { dead: 'soft_404', timeout: 'timeout_total', alive: 'http_200' };

function nights(spec: readonly Night[]): TimelinePoint[] {
  return spec.map(([hours, verdict, reason, options], index) => ({
    runId: index + 1,
    startedAt: new Date(T0 + hours * HOUR),
    finishedAt: new Date(T0 + hours * HOUR + (options?.minutes ?? 0) * 60_000),
    conclusive: !options?.inconclusive,
    verdict,
    reason: reason ?? REASON[verdict] ?? verdict,
  }));
}

const at = (hours: number): Date => new Date(T0 + hours * HOUR);

interface Case {
  name: string;
  nights: readonly Night[];
  rules?: DeadRules;
  dead: boolean;
  failures: number;
  firstFailedAt?: number;
  lastAliveAt?: number;
}

const cases: Case[] = [
  // The general rule: 3 failing runs over at least 48 hours.
  { name: 'three nightly failures, 48 h apart end to end', nights: [[0, 'timeout'], [24, 'timeout'], [48, 'timeout']], dead: true, failures: 3, firstFailedAt: 0 },
  { name: 'two nightly failures are not enough', nights: [[0, 'timeout'], [24, 'timeout']], dead: false, failures: 2, firstFailedAt: 0 },
  { name: 'three failures within a day do not span 48 h', nights: [[0, 'server_error'], [12, 'server_error'], [24, 'server_error']], dead: false, failures: 3, firstFailedAt: 0 },
  { name: 'a fourth failure stretches the span to 48 h', nights: [[0, 'server_error'], [12, 'server_error'], [24, 'server_error'], [48, 'server_error']], dead: true, failures: 4, firstFailedAt: 0 },
  { name: 'two failures spanning 72 h still need a third run', nights: [[0, 'network_error'], [72, 'network_error']], dead: false, failures: 2, firstFailedAt: 0 },
  { name: '47 h 59 min of instant runs is short of 48 h', nights: [[0, 'timeout'], [24, 'timeout'], [47 + 59 / 60, 'timeout']], dead: false, failures: 3, firstFailedAt: 0 },
  {
    name: 'cron jitter: the last run starts a second early but ends past 48 h',
    nights: [[0, 'timeout', undefined, { minutes: 5 }], [24, 'timeout', undefined, { minutes: 5 }], [48 - 1 / 3600, 'timeout', undefined, { minutes: 5 }]],
    dead: true, failures: 3, firstFailedAt: 0,
  },
  { name: 'soft 404 is a failure but not a hard signal', nights: [[0, 'dead', 'soft_404'], [24, 'dead', 'soft_404']], dead: false, failures: 2, firstFailedAt: 0 },
  { name: 'every failing verdict counts', nights: [[0, 'tls_error'], [24, 'malformed'], [48, 'dead', 'soft_404']], dead: true, failures: 3, firstFailedAt: 0 },

  // Hard signals: 2 runs over 20 hours.
  { name: 'two 404s a night apart', nights: [[0, 'dead', 'http_404'], [24, 'dead', 'http_404']], dead: true, failures: 2, firstFailedAt: 0 },
  { name: 'two 410s exactly 20 h apart', nights: [[0, 'dead', 'http_410'], [20, 'dead', 'http_410']], dead: true, failures: 2, firstFailedAt: 0 },
  { name: 'two 404s 19 h apart', nights: [[0, 'dead', 'http_404'], [19, 'dead', 'http_404']], dead: false, failures: 2, firstFailedAt: 0 },
  { name: 'repository not found twice', nights: [[0, 'dead', 'repo_not_found'], [24, 'dead', 'repo_not_found']], dead: true, failures: 2, firstFailedAt: 0 },
  { name: 'host name gone twice', nights: [[0, 'dead', 'dns_not_found'], [24, 'dead', 'dns_not_found']], dead: true, failures: 2, firstFailedAt: 0 },
  { name: 'one 404 after a timeout is one hard signal', nights: [[0, 'timeout'], [24, 'dead', 'http_404']], dead: false, failures: 2, firstFailedAt: 0 },
  {
    name: 'the hard rule alone: 404, timeout, 404 within 22 h',
    nights: [[0, 'dead', 'http_404'], [10, 'timeout'], [22, 'dead', 'http_404']], dead: true, failures: 3, firstFailedAt: 0,
  },

  // Verdicts that need a human never become dead, and say nothing about a streak.
  { name: 'restricted for five nights', nights: [0, 24, 48, 72, 96].map((h) => [h, 'restricted'] as const), dead: false, failures: 0 },
  { name: 'blocked for five nights', nights: [0, 24, 48, 72, 96].map((h) => [h, 'blocked'] as const), dead: false, failures: 0 },
  { name: 'rate limited for five nights', nights: [0, 24, 48, 72, 96].map((h) => [h, 'rate_limited'] as const), dead: false, failures: 0 },
  { name: 'a bot wall does not hide a streak', nights: [[0, 'timeout'], [24, 'timeout'], [48, 'blocked'], [72, 'timeout']], dead: true, failures: 3, firstFailedAt: 0 },
  { name: 'a rate limit does not hide a streak', nights: [[0, 'dead', 'http_404'], [24, 'rate_limited'], [48, 'dead', 'http_404']], dead: true, failures: 2, firstFailedAt: 0 },
  { name: 'a login wall says the target exists: the streak ends', nights: [[0, 'timeout'], [24, 'timeout'], [48, 'restricted'], [72, 'timeout']], dead: false, failures: 1, firstFailedAt: 72 },
  { name: 'skipped runs neither count nor hide', nights: [[0, 'timeout'], [24, 'skipped'], [48, 'timeout'], [72, 'skipped'], [96, 'timeout']], dead: true, failures: 3, firstFailedAt: 0 },
  { name: 'skipped forever is never dead', nights: [[0, 'skipped'], [24, 'skipped'], [48, 'skipped']], dead: false, failures: 0 },

  // Recovery: one alive or redirected run ends it.
  { name: 'alive after being confirmed dead', nights: [[0, 'dead', 'http_404'], [24, 'dead', 'http_404'], [48, 'alive']], dead: false, failures: 0, lastAliveAt: 48 },
  { name: 'redirected counts as alive', nights: [[0, 'timeout'], [24, 'timeout'], [48, 'timeout'], [72, 'redirected']], dead: false, failures: 0, lastAliveAt: 72 },
  { name: 'a new streak starts after recovery', nights: [[0, 'timeout'], [24, 'alive'], [48, 'timeout'], [72, 'timeout']], dead: false, failures: 2, firstFailedAt: 48, lastAliveAt: 24 },

  // Inconclusive runs (the checker was offline): their failures are no evidence either way.
  {
    name: 'an offline night neither extends nor breaks a streak',
    nights: [[0, 'timeout'], [24, 'network_error', undefined, { inconclusive: true }], [48, 'timeout']], dead: false, failures: 2, firstFailedAt: 0,
  },
  {
    name: 'the streak resumes after an offline night',
    nights: [[0, 'timeout'], [24, 'network_error', undefined, { inconclusive: true }], [48, 'timeout'], [72, 'timeout']], dead: true, failures: 3, firstFailedAt: 0,
  },
  {
    name: 'offline nights alone never make a link dead',
    nights: [0, 24, 48, 72].map((h) => [h, 'network_error', undefined, { inconclusive: true }] as const), dead: false, failures: 0,
  },
  { name: 'a confirmed link stays confirmed through an offline night', nights: [[0, 'dead', 'http_404'], [24, 'dead', 'http_404'], [48, 'timeout', undefined, { inconclusive: true }]], dead: true, failures: 2, firstFailedAt: 0 },
  { name: 'an answer in an offline run is still an answer', nights: [[0, 'timeout'], [24, 'timeout'], [48, 'alive', undefined, { inconclusive: true }]], dead: false, failures: 0, lastAliveAt: 48 },

  // Rules are a parameter (the app's deadAfter).
  { name: 'deadAfter {runs: 1, hours: 0}: the first failure', nights: [[0, 'timeout']], rules: deadRules({ runs: 1, hours: 0 }), dead: true, failures: 1, firstFailedAt: 0 },
  {
    name: 'deadAfter {runs: 5, hours: 96}: three nights are not enough',
    nights: [[0, 'timeout'], [24, 'timeout'], [48, 'timeout']], rules: deadRules({ runs: 5, hours: 96 }), dead: false, failures: 3, firstFailedAt: 0,
  },
  {
    name: 'deadAfter {runs: 5, hours: 96}: hard signals keep their own rule',
    nights: [[0, 'dead', 'http_404'], [24, 'dead', 'http_404']], rules: deadRules({ runs: 5, hours: 96 }), dead: true, failures: 2, firstFailedAt: 0,
  },
  { name: 'no history at all', nights: [], dead: false, failures: 0 },
];

describe('deriveLinkState', () => {
  it.each(cases)('$name', ({ nights: spec, rules = DEFAULT_DEAD_RULES, dead, failures, firstFailedAt, lastAliveAt }) => {
    const state = deriveLinkState('https://example.org/x', nights(spec), rules);
    expect(state.confirmedDead).toBe(dead);
    expect(state.consecutiveFailures).toBe(failures);
    expect(state.firstFailedAt).toEqual(firstFailedAt === undefined ? undefined : at(firstFailedAt));
    expect(state.lastAliveAt).toEqual(lastAliveAt === undefined ? undefined : at(lastAliveAt));
    expect(state.lastVerdict).toBe(spec.at(-1)?.[1]);
  });

  it('keeps the last ten results, oldest first', () => {
    const spec = Array.from({ length: 14 }, (_, night) => [night * 24, night % 2 ? 'alive' : 'timeout'] as const);
    const state = deriveLinkState('https://example.org/x', nights(spec), DEFAULT_DEAD_RULES);
    expect(state.recent.map((point) => point.runId)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('rejects deadAfter values that cannot be meant', () => {
    expect(() => deadRules({ runs: 0, hours: 48 })).toThrow();
    expect(() => deadRules({ runs: 2, hours: -1 })).toThrow();
    expect(() => deadRules({ runs: 2, hours: 4, days: 1 } as never)).toThrow();
  });
});
