import { z } from 'zod';
import type { GithubClient } from './create-github-octokit.js';
import type { GithubFacts } from './github-facts.js';
import type { GithubRepoRef } from './parse-github-repo-url.js';

/** What `GET /repos/{owner}/{repo}` says about a repository GraphQL could not resolve. */
export type RestRecheck =
  /** 200 (fetch follows a rename's 301 to `/repositories/{id}`). */
  | { kind: 'found'; facts: GithubFacts }
  /** 404: deleted, never existed, or private. */
  | { kind: 'not_found'; status: 404 }
  /** 451 (DMCA) or 403 with a `block` object (terms of service, "unavailable"). */
  | { kind: 'blocked'; status: number; blockReason: string; htmlUrl?: string }
  /** Anything else (rate limit, 5xx, network): no refinement. */
  | { kind: 'unknown'; detail: string };

const RestRepoSchema = z.object({
  id: z.number().int(),
  full_name: z.string(),
  stargazers_count: z.number().int(),
  forks_count: z.number().int(),
  archived: z.boolean(),
  disabled: z.boolean(),
  private: z.boolean(),
  pushed_at: z.string().nullable(),
  description: z.string().nullable(),
  license: z.object({ spdx_id: z.string().nullable(), name: z.string() }).nullable(),
});

const BlockedSchema = z.object({
  status: z.union([z.literal(403), z.literal(451)]),
  response: z.object({
    data: z.object({ block: z.object({ reason: z.string(), html_url: z.string().optional() }) }),
  }),
});

const StatusSchema = z.object({ status: z.number().int(), message: z.string() });

/**
 * GraphQL answers NOT_FOUND alike for deleted, private and blocked repositories; the REST API
 * tells them apart (404 vs 451 vs 403 + `block`). One REST request per missing repository.
 */
export async function recheckRepositoryRest(client: GithubClient, ref: GithubRepoRef): Promise<RestRecheck> {
  try {
    const response = await client.request('GET /repos/{owner}/{repo}', { owner: ref.owner, repo: ref.repo });
    const repo = RestRepoSchema.safeParse(response.data);
    if (!repo.success) return { kind: 'unknown', detail: 'GitHub REST answered an unreadable repository body.' };
    const r = repo.data;
    return {
      kind: 'found',
      facts: {
        fullName: r.full_name, stars: r.stargazers_count, forks: r.forks_count, archived: r.archived,
        disabled: r.disabled, private: r.private, pushedAt: r.pushed_at, description: r.description,
        license: r.license ? (r.license.spdx_id ?? r.license.name) : null, databaseId: r.id,
      },
    };
  } catch (error) {
    const blocked = BlockedSchema.safeParse(error);
    if (blocked.success) {
      const { block } = blocked.data.response.data;
      return { kind: 'blocked', status: blocked.data.status, blockReason: block.reason, ...(block.html_url ? { htmlUrl: block.html_url } : {}) };
    }
    const status = StatusSchema.safeParse(error);
    if (status.success && status.data.status === 404) return { kind: 'not_found', status: 404 };
    const detail = status.success ? `${status.data.status} ${status.data.message}` : String(error);
    return { kind: 'unknown', detail: `GitHub REST re-check failed: ${detail}` };
  }
}
