import { DEFAULT_HOST_POLICIES, type HostPolicy, type ResolvedCheckOptions } from './check-options.js';

export type ResolvedHostPolicy = Required<HostPolicy>;

/**
 * The policy for `hostname`: the most specific matching key (the host itself, then its parent
 * domains) of the user's `hosts`, over the built-in defaults, over the global per-host values.
 */
export function hostPolicyFor(hostname: string, options: ResolvedCheckOptions): ResolvedHostPolicy {
  let cache = CACHE.get(options);
  if (!cache) CACHE.set(options, (cache = new Map()));
  let policy = cache.get(hostname);
  if (!policy) cache.set(hostname, (policy = compute(hostname, options)));
  return policy;
}

// Asked once per URL and per hop; a run has few hosts and one options object.
const CACHE = new WeakMap<ResolvedCheckOptions, Map<string, ResolvedHostPolicy>>();

function compute(hostname: string, options: ResolvedCheckOptions): ResolvedHostPolicy {
  const base: ResolvedHostPolicy = {
    concurrency: options.perHostConcurrency,
    intervalMs: options.perHostIntervalMs,
    headFirst: true,
  };
  const labels = hostname.toLowerCase().replace(/^www\./, '').split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const key = labels.slice(i).join('.');
    const builtIn = DEFAULT_HOST_POLICIES[key];
    const user = options.hosts[key] ?? options.hosts[`www.${key}`];
    if (builtIn || user) return { ...base, ...builtIn, ...user };
  }
  return base;
}
