import { REPOSITORY_FRAGMENT } from './repository-node.js';

export interface RepositoryBatchQuery {
  query: string;
  /** `o{i}` / `n{i}` hold owner and name of the i-th repository: names never enter the query text. */
  variables: Record<string, string>;
  /** The alias of the i-th repository in the response (`r{i}`). */
  aliases: string[];
}

/**
 * One GraphQL document asking for many repositories through aliases, plus `rateLimit` so every
 * answer says what it cost. Scalars only: no connections, so GitHub charges 1 point per request.
 */
export function buildRepositoryBatchQuery(
  repos: readonly { owner: string; repo: string }[],
): RepositoryBatchQuery {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const selections: string[] = [];
  const aliases: string[] = [];
  repos.forEach(({ owner, repo }, i) => {
    variables[`o${i}`] = owner;
    variables[`n${i}`] = repo;
    declarations.push(`$o${i}: String!`, `$n${i}: String!`);
    aliases.push(`r${i}`);
    selections.push(`  r${i}: repository(owner: $o${i}, name: $n${i}) { ...RepositoryFacts }`);
  });
  const signature = declarations.length > 0 ? `(${declarations.join(', ')})` : '';
  const query = [
    `query LinkmedicRepositories${signature} {`,
    '  rateLimit { cost remaining resetAt }',
    ...selections,
    '}',
    // An unused fragment is a validation error, so an empty batch carries none.
    ...(repos.length > 0 ? [REPOSITORY_FRAGMENT] : []),
  ].join('\n');
  return { query, variables, aliases };
}
