import type { LookupFunction } from 'node:net';
import type { UrlCheck } from './check-url.js';

export interface OfflineJudgement {
  offline: boolean;
  /** One line for the user when offline. */
  reason?: string;
}

/**
 * Is the checker itself offline? Suspected when failures that point at our own network (name
 * resolution, no route, proxy unreachable) hit at least `threshold` of the hosts we tried.
 * If those failures are all plain NXDOMAIN answers, the canary names decide: if they resolve,
 * the resolver works and the names really do not exist.
 */
export async function judgeOffline(
  checks: ReadonlyArray<{ host: string; check: UrlCheck }>,
  threshold: number,
  canaryHosts: readonly string[],
  lookup: LookupFunction,
): Promise<OfflineJudgement> {
  const byHost = new Map<string, UrlCheck[]>();
  for (const { host, check } of checks) {
    const list = byHost.get(host);
    if (list) list.push(check);
    else byHost.set(host, [check]);
  }
  if (byHost.size === 0) return { offline: false };
  const failing = [...byHost.values()].filter((list) => list.every((c) => c.environment !== undefined));
  if (failing.length / byHost.size < threshold || failing.length === 0) return { offline: false };

  const kinds = new Set(failing.flat().map((c) => c.environment));
  const onlyNxdomain = failing.flat().every((c) => c.result.reason === 'dns_not_found');
  if (onlyNxdomain && (await anyResolves(canaryHosts, lookup))) return { offline: false };

  const what = kinds.has('proxy')
    ? 'the configured proxy cannot be reached'
    : kinds.has('unreachable') && !kinds.has('dns')
      ? 'there is no route to the network'
      : onlyNxdomain && canaryHosts.length > 0
        ? `name resolution fails (also for ${canaryHosts.join(', ')})`
        : 'name resolution fails';
  return {
    offline: true,
    reason: `linkmedic seems to be offline: ${what} for ${failing.length} of ${byHost.size} hosts; no link was judged on that.`,
  };
}

function anyResolves(names: readonly string[], lookup: LookupFunction): Promise<boolean> {
  return Promise.all(
    names.map(
      (name) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 5_000);
          lookup(name, {}, (error) => {
            clearTimeout(timer);
            resolve(!error);
          });
        }),
    ),
  ).then((answers) => answers.some(Boolean));
}
