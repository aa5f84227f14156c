import { schema } from '@octokit/graphql-schema';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

let built: GraphQLSchema | undefined;

/**
 * GitHub's published schema, built once per process. From the introspection JSON: the SDL file
 * of the same package defines some fields twice, which `buildSchema` rejects.
 */
export function githubGraphqlSchema(): GraphQLSchema {
  built ??= buildClientSchema(schema.json as unknown as IntrospectionQuery);
  return built;
}
