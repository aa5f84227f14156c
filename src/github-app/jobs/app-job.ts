import { z } from 'zod';

const fullName = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/name');

const target = z.strictObject({
  installationId: z.number().int().positive(),
  owner: z.string().min(1),
  repo: z.string().min(1),
  defaultBranch: z.string().min(1),
  archived: z.boolean(),
  fork: z.boolean(),
  hasIssues: z.boolean(),
  htmlUrl: z.string(),
});

const pull = z.strictObject({
  number: z.number().int().positive(),
  head: z.strictObject({ sha: z.string(), ref: z.string() }),
  base: z.strictObject({ sha: z.string() }),
  user: z.strictObject({ login: z.string() }).nullable(),
  merged: z.boolean().nullable().optional(),
});

const tick = z.strictObject({ verb: z.enum(['recheck', 'recheck-all', 'ignore', 'unignore']), key: z.string().optional() });

/**
 * One piece of work, as facts a process that never saw the webhook can act on: what to do, on
 * which repository, and the few payload facts the work needs. Work re-reads GitHub before it
 * writes, so a descriptor that waited in a queue is never stale in a way that matters.
 */
export const appJobSchema = z.discriminatedUnion('kind', [
  /** The app was given the repository: onboarding pull request, or a first run if configured. */
  z.strictObject({ kind: z.literal('welcome'), installationId: z.number().int().positive(), repo: fullName }),
  /** A push to the default branch: config check run, first run when the config just appeared. */
  z.strictObject({ kind: z.literal('push'), target, push: z.strictObject({ ref: z.string(), before: z.string(), after: z.string() }) }),
  /** A pull request opened or updated: the links it adds are checked. */
  z.strictObject({ kind: z.literal('pull-check'), target, pull }),
  /** A pull request closed: the onboarding pull request declined is acknowledged. */
  z.strictObject({ kind: z.literal('pull-closed'), target, pull, sender: z.string() }),
  /** Boxes ticked in the report; the body is read again when the work runs. */
  z.strictObject({
    kind: z.literal('report-edited'),
    target,
    issue: z.strictObject({ number: z.number().int().positive(), state: z.string(), author: z.string().nullable() }),
    ticks: z.array(tick),
    sender: z.string(),
  }),
  /** `/linkmedic recheck` in a comment. */
  z.strictObject({
    kind: z.literal('command'),
    target,
    issue: z.strictObject({ number: z.number().int().positive(), body: z.string().nullable(), author: z.string().nullable() }),
    comment: z.strictObject({ id: z.number().int(), body: z.string(), authorAssociation: z.string().optional() }),
    sender: z.string(),
  }),
  /** The nightly pass: walked in this process, or fanned out as one `nightly-repo` job per repository. */
  z.strictObject({ kind: z.literal('nightly-pass'), trigger: z.string() }),
  /** One repository of a queued nightly pass. */
  z.strictObject({ kind: z.literal('nightly-repo'), passId: z.number().int().positive(), target }),
  /** The app was removed from repositories: their queued work and app state go; history stays. */
  z.strictObject({ kind: z.literal('forget'), account: z.string().min(1), repos: z.array(fullName), wholeAccount: z.boolean() }),
]);

export type AppJob = z.infer<typeof appJobSchema>;
export type AppJobKind = AppJob['kind'];
