import { DEFAULT_HOST_POLICIES, type HostPolicy, type ResolvedCheckOptions } from './check-options.js';

export type ResolvedHostPolicy = Required<HostPolicy>;

/**
 * The policy for `hostname`: the most specific matching key (the host itself, then its parent
 * domains) of the user's `hosts`, over the built-in defaults, over the global per-host values.
 */
export function hostPolicyFor(hostname: string, options: ResolvedCheckOptions): ResolvedHostPolicy {
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
