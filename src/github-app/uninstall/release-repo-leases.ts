import type { AppRuntime } from '../runtime/app-runtime.js';

/**
 * Releases every lease held on the repository, whoever holds it: the app was removed from it, so
 * no run may wait for one again.
 *
 * TODO(service-lease): the cross-process repository lease (issue 9 §1) is built on branch
 * `service-lease`; wire its release here at merge. Until then `rt.locks` lives in this process
 * only, and nothing outlives the work that took it.
 */
export async function releaseRepoLeases(_rt: AppRuntime, _repoKey: string): Promise<void> {}
