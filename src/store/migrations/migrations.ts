import type { Migration } from './migration.js';
import { m001History } from './m001-history.js';
import { m002GithubApp } from './m002-github-app.js';
import { m003ArchiveLookups } from './m003-archive-lookups.js';
import { m004RemovedRepositories } from './m004-removed-repositories.js';
import { m005CatalogRekeys } from './m005-catalog-rekeys.js';
import { m006PassPlan } from './m006-pass-plan.js';

/**
 * Every schema step, oldest first. Append only: a released migration is never edited, because
 * databases in the wild already ran it. The GitHub App adds its own tables as a later step here.
 */
export const MIGRATIONS: readonly Migration[] = [m001History, m002GithubApp, m003ArchiveLookups, m004RemovedRepositories, m005CatalogRekeys, m006PassPlan];
