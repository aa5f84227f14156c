import Bottleneck from 'bottleneck';
import type { GithubPacing } from './create-app-octokit.js';

/** How long Redis keeps an idle limiter's state (the plugin's default). */
const TIMEOUT_MS = 2 * 60 * 1000;

/** The limiter groups of Octokit's throttling plugin, all provided by linkmedic. */
export interface Groups {
  write: Bottleneck.Group;
  notifications: Bottleneck.Group;
  global: Bottleneck.Group;
  auth: Bottleneck.Group;
  search: Bottleneck.Group;
}

/**
 * The limiters that pace the app's requests. Without Redis they live in this process. With
 * `REDIS_URL`, Probot hands Octokit's throttling a Bottleneck connection to Redis; every limiter is
 * then built on that same connection, so all replicas share one pace, as GitHub counts it (per app,
 * not per process). The plugin would build its read limiters once per process, on whatever
 * connection it saw first; built here, they belong to this app and close with it.
 */
export class ThrottleGroups {
  #local: Groups | undefined;
  #clustered: { connection: Bottleneck.IORedisConnection; groups: Groups } | undefined;

  constructor(private readonly pacing: GithubPacing) {}

  for(connection: Bottleneck.IORedisConnection | undefined): Groups {
    if (!connection) return (this.#local ??= this.#create({}));
    if (this.#clustered?.connection !== connection) this.#clustered = { connection, groups: this.#create({ connection }) };
    return this.#clustered.groups;
  }

  /** Stops the limiters' heartbeats and closes the Redis connection Probot opened, so the process can exit. */
  async close(): Promise<void> {
    if (!this.#clustered) return;
    const { connection, groups } = this.#clustered;
    this.#clustered = undefined;
    for (const group of Object.values(groups)) {
      for (const { limiter } of group.limiters()) await limiter.disconnect(false);
    }
    await connection.disconnect(false);
  }

  // Writes paced as `GithubPacing` says; reads as the plugin would (@octokit/plugin-throttling), under its ids.
  #create(shared: { connection?: Bottleneck.IORedisConnection }): Groups {
    const common = { timeout: TIMEOUT_MS, ...shared };
    return {
      write: new Bottleneck.Group({ id: 'linkmedic-write', maxConcurrent: 1, minTime: this.pacing.writeIntervalMs, ...common }),
      notifications: new Bottleneck.Group({ id: 'linkmedic-notifications', maxConcurrent: 1, minTime: this.pacing.notificationIntervalMs, ...common }),
      global: new Bottleneck.Group({ id: 'octokit-global', maxConcurrent: 10, ...common }),
      auth: new Bottleneck.Group({ id: 'octokit-auth', maxConcurrent: 1, ...common }),
      search: new Bottleneck.Group({ id: 'octokit-search', maxConcurrent: 1, minTime: 2_000, ...common }),
    };
  }
}
