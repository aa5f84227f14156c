import { z } from 'zod';
import type { GithubFacts } from './github-facts.js';

/** The fields linkmedic reads from a GraphQL `Repository`, as a fragment the batch query spreads. */
export const REPOSITORY_FRAGMENT = `fragment RepositoryFacts on Repository {
  databaseId
  nameWithOwner
  stargazerCount
  forkCount
  isArchived
  isDisabled
  isPrivate
  pushedAt
  description
  licenseInfo { key spdxId name }
}`;

// Third-party response: parse only what we read, let GitHub add fields.
export const RepositoryNodeSchema = z.object({
  databaseId: z.number().int().nullable(),
  nameWithOwner: z.string().min(3),
  stargazerCount: z.number().int(),
  forkCount: z.number().int(),
  isArchived: z.boolean(),
  isDisabled: z.boolean(),
  isPrivate: z.boolean(),
  pushedAt: z.string().nullable(),
  description: z.string().nullable(),
  licenseInfo: z.object({ key: z.string(), spdxId: z.string().nullable(), name: z.string() }).nullable(),
});

export type RepositoryNode = z.infer<typeof RepositoryNodeSchema>;

export const RateLimitNodeSchema = z.object({
  cost: z.number().int(),
  remaining: z.number().int(),
  resetAt: z.string(),
});

export type RateLimitNode = z.infer<typeof RateLimitNodeSchema>;

export function factsFromNode(node: RepositoryNode): GithubFacts {
  return {
    fullName: node.nameWithOwner,
    stars: node.stargazerCount,
    forks: node.forkCount,
    archived: node.isArchived,
    disabled: node.isDisabled,
    private: node.isPrivate,
    pushedAt: node.pushedAt,
    license: node.licenseInfo ? (node.licenseInfo.spdxId ?? node.licenseInfo.name) : null,
    description: node.description,
    databaseId: node.databaseId,
  };
}
