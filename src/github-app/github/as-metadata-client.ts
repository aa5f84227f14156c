import type { GithubClient as MetadataClient } from '../../metadata/github/create-github-octokit.js';
import type { GithubClient } from '../repo-run.js';

/**
 * The installation client as the metadata stage's client. That type comes from the `octokit`
 * package, whose `graphql` also carries a paginate plugin the metadata stage never calls; Probot's
 * Octokit has the same `graphql` and `request` otherwise.
 */
export const asMetadataClient = (octokit: GithubClient): MetadataClient => octokit as unknown as MetadataClient;
