import { schema } from '@octokit/graphql-schema';
import { buildClientSchema, parse, validate, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildRepositoryBatchQuery } from './build-repository-batch-query.js';

// GitHub's published schema (the SDL file of the package repeats some fields; the JSON builds).
const github = buildClientSchema(schema.json as unknown as IntrospectionQuery);
const messages = (query: string) => validate(github, parse(query)).map((e) => e.message);

const repos = (n: number) => Array.from({ length: n }, (_, i) => ({ owner: `owner-${i}`, repo: `repo.${i}_x` }));

describe('buildRepositoryBatchQuery', () => {
  it.each([0, 1, 2, 50, 100])('a batch of %i validates against GitHub\'s schema', (n) => {
    const { query, variables, aliases } = buildRepositoryBatchQuery(repos(n));
    expect(messages(query)).toEqual([]);
    expect(aliases).toHaveLength(n);
    expect(Object.keys(variables)).toHaveLength(2 * n);
  });

  it('passes names as variables, never inside the query text', () => {
    const { query, variables } = buildRepositoryBatchQuery([{ owner: 'evil"owner', repo: 'x) { id } #' }]);
    expect(query).not.toContain('evil');
    expect(variables).toEqual({ o0: 'evil"owner', n0: 'x) { id } #' });
    expect(messages(query)).toEqual([]);
  });

  it('asks for the budget and every fact the report needs', () => {
    const { query } = buildRepositoryBatchQuery(repos(1));
    for (const field of ['rateLimit { cost remaining resetAt }', 'stargazerCount', 'forkCount', 'isArchived', 'isDisabled',
      'isPrivate', 'pushedAt', 'nameWithOwner', 'databaseId', 'licenseInfo', 'description']) {
      expect(query).toContain(field);
    }
  });

  it('the validation used here rejects what GitHub would reject', () => {
    const { query } = buildRepositoryBatchQuery(repos(1));
    expect(messages(query.replace('stargazerCount', 'stargazers_count'))).toEqual([
      'Cannot query field "stargazers_count" on type "Repository". Did you mean "stargazerCount" or "stargazers"?',
    ]);
  });
});
