import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLinkmedicError } from '../../errors.js';
import type { HistoryStore } from '../history-store.js';
import { openStore } from '../open-store.js';
import type { SqlExecutor } from '../sql/sql-driver.js';
import { SqlFailure } from '../sql/sql-failure.js';
import { STORE_BACKENDS } from '../test-fixtures/store-backends.js';
import { HeldLease } from './held-lease.js';
import { DEFAULT_LEASE_OPTIONS, type LeaseOptions } from './lease-options.js';
import { LeaseTable } from './lease-table.js';
import { Leases } from './leases.js';

const T0 = new Date('2026-11-01T03:00:00Z').getTime();
const MINUTE = 60_000;
const NAME = 'repo:acme/awesome';

type Actor = 'A' | 'B' | 'C';
type Step =
  | [minute: number, who: Actor, action: 'acquire' | 'renew' | 'release', expected: boolean]
  | [minute: number, who: '-', action: 'force', expected: boolean];

/** Holders acting on one lease at the minutes given (10-minute lifetime); `gone` holders' processes have died. */
const SCENARIOS: Array<{ name: string; gone?: Actor[]; steps: Step[] }> = [
  {
    name: 'one holder at a time, until it expires',
    steps: [[0, 'A', 'acquire', true], [1, 'B', 'acquire', false], [9, 'C', 'acquire', false], [10, 'B', 'acquire', true]],
  },
  {
    name: 'taking it again is a renewal for its holder',
    steps: [[0, 'A', 'acquire', true], [5, 'A', 'acquire', true], [14, 'B', 'acquire', false], [15, 'B', 'acquire', true]],
  },
  {
    name: 'a renewal keeps it past its first expiry',
    steps: [[0, 'A', 'acquire', true], [8, 'A', 'renew', true], [12, 'B', 'acquire', false], [16, 'A', 'renew', true], [25, 'B', 'acquire', false], [26, 'B', 'acquire', true]],
  },
  {
    name: 'an expired lease nobody took is still renewed by its holder',
    steps: [[0, 'A', 'acquire', true], [30, 'A', 'renew', true], [35, 'B', 'acquire', false]],
  },
  {
    name: 'an expired lease is taken over, and its old holder learns it at its next renewal',
    steps: [[0, 'A', 'acquire', true], [11, 'B', 'acquire', true], [12, 'A', 'renew', false], [13, 'C', 'acquire', false], [14, 'B', 'renew', true]],
  },
  {
    name: 'a holder whose process is gone loses it before it expires',
    gone: ['A'],
    steps: [[0, 'A', 'acquire', true], [1, 'B', 'acquire', true], [2, 'C', 'acquire', false], [3, 'A', 'renew', false]],
  },
  {
    name: 'only its holder releases it',
    steps: [[0, 'A', 'acquire', true], [1, 'B', 'release', false], [2, 'C', 'acquire', false], [3, 'A', 'release', true], [4, 'C', 'acquire', true]],
  },
  {
    name: 'a forced release (the repository was uninstalled) frees it, and its holder learns it lost it',
    steps: [[0, 'A', 'acquire', true], [1, '-', 'force', true], [2, 'B', 'acquire', true], [3, 'A', 'renew', false], [4, '-', 'force', true], [5, '-', 'force', false]],
  },
];

const holderOf = (actor: Actor): string => `host-${actor}:1${'ABC'.indexOf(actor)}:${actor}`;

describe.each(STORE_BACKENDS)('leases ($name)', (backend) => {
  it.each(SCENARIOS)('$name', async ({ gone = [], steps }) => {
    const store = await backend.open();
    let now = T0;
    const leasesOf = (actor: Actor) =>
      new Leases(store.sql, {
        ttlMs: 10 * MINUTE,
        maxWaitMs: 0,
        now: () => new Date(now),
        newHolder: () => holderOf(actor),
        isGone: (holder) => gone.some((dead) => holderOf(dead) === holder),
      });
    const held = new Map<Actor, HeldLease>();
    try {
      for (const [minute, who, action, expected] of steps) {
        now = T0 + minute * MINUTE;
        const step = `minute ${minute}: ${who} ${action}`;
        if (who === '-') {
          expect(await new Leases(store.sql).forceRelease(NAME), step).toBe(expected);
        } else if (action === 'acquire') {
          const acquired = await leasesOf(who).acquire(NAME);
          expect('held' in acquired, step).toBe(expected);
          if ('held' in acquired) held.set(who, acquired.held);
          else expect(acquired.heldBy).toMatch(/^host-[ABC]:1\d:[ABC]$/);
        } else if (action === 'renew') {
          const lease = held.get(who)!;
          expect(await lease.renew(), step).toBe(expected);
          // A lost lease tells its work to stop writing, with a retryable error.
          expect(lease.signal.aborted, step).toBe(!expected);
          if (!expected) expect(isLinkmedicError(lease.signal.reason) && lease.signal.reason.code).toBe('BUSY');
        } else {
          expect(await leasesOf(who).table.release(NAME, holderOf(who)), step).toBe(expected);
        }
      }
    } finally {
      for (const lease of held.values()) await lease.release();
    }
  });

  it('waits for a taken lease with a growing, jittered backoff and takes it once released', async () => {
    const store = await backend.open();
    let now = T0;
    const clock = { now: () => new Date(now) };
    const first = await new Leases(store.sql, clock).acquire(NAME);
    if (!('held' in first)) throw new Error('the first acquirer must get the lease');
    const sleeps: number[] = [];
    const waiter = new Leases(store.sql, {
      ...clock,
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
        if (sleeps.length === 6) await first.held.release();
      },
    });
    const second = await waiter.acquire(NAME);
    expect('held' in second).toBe(true);
    // 250 ms doubled each try, three quarters of it with the jitter at its midpoint.
    expect(sleeps).toEqual([187.5, 375, 750, 1500, 3000, 6000]);
    if ('held' in second) await second.held.release();
  });

  it('gives up after the longest wait, naming the holder, and never waits past it', async () => {
    const store = await backend.open();
    let now = T0;
    const options: Partial<LeaseOptions> = { now: () => new Date(now), ttlMs: 60 * MINUTE, newHolder: () => 'host:1:server' };
    const first = await new Leases(store.sql, options).acquire(NAME);
    const sleeps: number[] = [];
    const waiter = new Leases(store.sql, {
      ...options,
      newHolder: () => 'host:2:cli',
      maxWaitMs: 2 * MINUTE,
      random: () => 1,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    expect(await waiter.acquire(NAME)).toEqual({ heldBy: 'host:1:server' });
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(2 * MINUTE);
    expect(Math.max(...sleeps)).toBe(15_000);
    if ('held' in first) await first.held.release();
  });

  it('takes a database busy for a moment as a failed try, and gives up with its error only after the longest wait', async () => {
    const store = await backend.open();
    let now = T0;
    let failures = 2;
    const busy = (): never => {
      throw new SqlFailure('SQLITE_BUSY', 'database is locked');
    };
    const flaky: SqlExecutor = {
      dialect: store.sql.dialect,
      all: (sql, params) => store.sql.all(sql, params),
      get: (sql, params) => store.sql.get(sql, params),
      exec: (sql) => store.sql.exec(sql),
      run: (sql, params) => (failures-- > 0 ? busy() : store.sql.run(sql, params)),
    };
    const errors: string[] = [];
    const options: Partial<LeaseOptions> = { now: () => new Date(now), sleep: async (ms) => void (now += ms), onError: (_error, what) => errors.push(what) };
    const acquired = await new Leases(flaky, options).acquire(NAME);
    expect('held' in acquired).toBe(true);
    expect(errors).toEqual([`taking the lease ${NAME}`, `taking the lease ${NAME}`]);
    if ('held' in acquired) await acquired.held.release();

    failures = Number.POSITIVE_INFINITY;
    await expect(new Leases(flaky, { ...options, maxWaitMs: MINUTE }).acquire(NAME)).rejects.toThrow('database is locked');
    await expect(new Leases(flaky, { ...options, maxWaitMs: 0 }).acquire(NAME)).rejects.toThrow('database is locked');
  });

  it('lets exactly one of many concurrent acquirers, each on its own connection, take the lease', async () => {
    const location = await backend.newLocation(backend.name === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'linkmedic-lease-')), 'linkmedic.db') : undefined);
    const stores: HistoryStore[] = [];
    try {
      for (let i = 0; i < 8; i += 1) stores.push(await openStore({ path: location }));
      const attempts = await Promise.all(stores.flatMap((store) => [1, 2].map(() => new Leases(store.sql, { maxWaitMs: 0 }).acquire(NAME))));
      const winners = attempts.filter((attempt) => 'held' in attempt);
      expect(winners).toHaveLength(1);
      const holder = (await stores[0]!.sql.get<{ holder: string }>(`SELECT holder FROM app_leases WHERE name = ?`, [NAME]))?.holder;
      expect(attempts.filter((attempt) => 'heldBy' in attempt && attempt.heldBy === holder)).toHaveLength(attempts.length - 1);
      for (const winner of winners) if ('held' in winner) await winner.held.release();
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('renews on its own every half lifetime while the work lives', async () => {
    const store = await backend.open();
    const acquired = await new Leases(store.sql, { ttlMs: 400 }).acquire(NAME);
    if (!('held' in acquired)) throw new Error('the lease must be free');
    const expiry = () => new LeaseTable(store.sql).holder(NAME);
    const first = (await expiry())!.expiresAt.getTime();
    for (let waited = 0; (await expiry())!.expiresAt.getTime() === first; waited += 50) {
      if (waited > 20_000) throw new Error('the lease was never renewed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(acquired.held.signal.aborted).toBe(false);
    await acquired.held.release();
    expect(await expiry()).toBeUndefined();
  });
});

describe('a lease whose database cannot be reached', () => {
  it('stays held until it expires, then tells its work to stop', async () => {
    let now = T0;
    const errors: string[] = [];
    const table = {
      renew: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
      release: async () => true,
    } as unknown as LeaseTable;
    const lease = new HeldLease(NAME, 'host:1:a', table, { ...DEFAULT_LEASE_OPTIONS, now: () => new Date(now), ttlMs: 10 * MINUTE, onError: (_error, what) => errors.push(what) }, new Date(T0));
    now = T0 + 5 * MINUTE;
    expect(await lease.renew()).toBe(true);
    expect(lease.signal.aborted).toBe(false);
    now = T0 + 10 * MINUTE;
    expect(await lease.renew()).toBe(false);
    expect(lease.signal.reason).toMatchObject({ code: 'BUSY', message: `stopped writing: the lease ${NAME} could not be renewed before it expired` });
    expect(errors).toEqual([`renewing the lease ${NAME}`, `renewing the lease ${NAME}`]);
    await lease.release();
  });
});
