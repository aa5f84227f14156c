import { describe, expect, it } from 'vitest';
import type { AppJob } from '../../src/github-app/jobs/app-job.js';
import { githubCatalogKey } from '../../src/store/catalog-key.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { POSTGRES_AVAILABLE, newPostgresSchemaUrl } from '../../src/store/test-fixtures/store-backends.js';
import { REDIS_AVAILABLE, dropRedisPrefix, newRedisPrefix } from '../support/test-redis.js';
import { BOT, startAppHarness } from './support/app-harness.js';
import { expectInvariants, finalState } from './support/final-state.js';
import { type AppProcess, startFleetProcesses } from './support/fleet-processes.js';
import { CONFIGURED, FLEET_REPOS, fleetNight, playFleet } from './support/fleet-scenario.js';
import { NIGHT_0 } from './support/nights-scenario.js';

/** Runs recorded per repository on each night's pass (the clock stands still during a pass). */
async function runsPerNight(store: HistoryStore): Promise<Record<string, number[]>> {
  const counts: Record<string, number[]> = {};
  for (const repo of CONFIGURED) {
    const runs = await store.latestRuns(githubCatalogKey(repo), 100);
    counts[repo] = [1, 2, 3].map((n) => runs.filter((run) => run.startedAt.getTime() === fleetNight(n).getTime()).length);
  }
  return counts;
}

const VICTIM = 'beta/list-3';

describe.runIf(REDIS_AVAILABLE && POSTGRES_AVAILABLE)('a web process and two workers on Postgres and Redis (issue 9 §5)', () => {
  it('end in the state one process reaches, each repository run once a night, though a worker is killed mid-run', async () => {
    // The reference: the same three nights in one process on SQLite, played alongside.
    const reference = (async () => {
      const h = await startAppHarness({ start: NIGHT_0 });
      try {
        await playFleet(h);
        return { states: FLEET_REPOS.map((repo) => finalState(h.fake, repo)), runs: await runsPerNight(h.store) };
      } finally {
        await h.close();
      }
    })();

    const prefix = newRedisPrefix();
    const fleet = await startFleetProcesses({ start: NIGHT_0, databaseUrl: await newPostgresSchemaUrl(), prefix, workers: 2 });
    try {
      // On night 2, as the victim's run reads its issues (its run is recorded by then), the worker
      // running it is killed; the request is answered only once the process is gone.
      let night = 0;
      let killed: { worker: AppProcess; signal: NodeJS.Signals | null } | undefined;
      fleet.fake.faults.delay({
        times: 1,
        match: (request) => night === 2 && request.method === 'GET' && request.path === `/repos/${VICTIM}/issues`,
        until: async () => {
          const job = (await fleet.queue.queue.getActive()).find((active) => {
            const data = active.data as AppJob;
            return data.kind === 'nightly-repo' && `${data.target.owner}/${data.target.repo}` === VICTIM;
          });
          const worker = fleet.workers.find((candidate) => candidate.name === job?.processedBy);
          if (!worker) throw new Error(`no worker runs ${VICTIM}: ${job?.processedBy}`);
          worker.child.kill('SIGKILL');
          await worker.exited;
          killed = { worker, signal: worker.child.signalCode };
        },
      });
      await playFleet(fleet, (n) => (night = n));

      expect(killed?.signal).toBe('SIGKILL');
      const survivor = fleet.workers.find((worker) => worker !== killed!.worker)!;
      expect(survivor.output()).toContain('a job whose worker stopped answering goes back to the queue');
      const { states, runs } = await reference;
      expect(await runsPerNight(fleet.store)).toEqual(Object.fromEntries(CONFIGURED.map((repo) => [repo, [1, 1, 1]])));
      expect(runs).toEqual(Object.fromEntries(CONFIGURED.map((repo) => [repo, [1, 1, 1]])));
      // The killed run was picked up where it stopped: its recorded run reused, not checked again.
      const passes = await fleet.store.sql.all<{ repo: string; state: string; detail: string }>(
        `SELECT r.repo, r.state, r.detail FROM app_pass_repos r JOIN app_passes p ON p.id = r.pass_id WHERE p.started_at = ? AND r.repo = ?`,
        [fleetNight(2).getTime(), VICTIM],
      );
      expect(passes).toEqual([{ repo: VICTIM, state: 'done', detail: 'reused the run recorded earlier in this pass' }]);

      for (const repo of FLEET_REPOS) expectInvariants(fleet.fake, repo);
      expect(FLEET_REPOS.map((repo) => finalState(fleet.fake, repo))).toEqual(states);
      // What the nights did, in the end: a report per configured repository, an issue per dead URL.
      const bot = (repo: string) => fleet.fake.inspect.issues(repo).filter((issue) => issue.author === BOT);
      expect(CONFIGURED.filter((repo) => bot(repo).filter((issue) => issue.title === 'Link health report').length !== 1)).toEqual([]);
      expect(FLEET_REPOS.flatMap((repo) => bot(repo).filter((issue) => issue.title.startsWith('Dead link')).map(() => repo))).toEqual(
        FLEET_REPOS.filter((_, index) => index % 3 === 0),
      );
    } finally {
      await fleet.close();
      await dropRedisPrefix(prefix);
    }
  }, 240_000);
});
