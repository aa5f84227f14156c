import { z } from 'zod';
import { deadAfterSchema } from '../store/dead-rules.js';

/**
 * `.github/linkmedic.yml`: one repository's settings. Every key is optional and documented here;
 * the README's configuration reference is generated from these descriptions and defaults, so the
 * two cannot drift. Unknown keys are rejected, so a typo is reported instead of silently ignored.
 */

const regexSource = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

export const DEFAULT_FILES = ['**/*.md', '!**/CHANGELOG.md', '!**/CONTRIBUTING.md', '!**/CODE_OF_CONDUCT.md', '!**/SECURITY.md', '!.github/**'];

export const repoConfigSchema = z.strictObject({
  files: z
    .array(z.string().min(1))
    .min(1)
    .default(DEFAULT_FILES)
    .describe('Markdown files to check, as globs relative to the repository root; a leading `!` excludes. Default: every markdown file except changelogs, contribution guides and `.github/`.'),
  exclude: z
    .array(regexSource)
    .default([])
    .describe('Regular expressions; links whose URL matches any of them are not checked (listed as skipped).'),
  schedule: z
    .enum(['nightly', 'weekly', 'off'])
    .default('nightly')
    .describe('How often the scheduled check runs: `nightly`, `weekly` (when the last check is six or more days old, so a missed night does not skip a week) or `off` (only on request: checkboxes, `/linkmedic recheck`, `linkmedic run`).'),
  issues: z
    .strictObject({
      enabled: z.boolean().default(true).describe('Open one issue per confirmed-dead link.'),
      labels: z.array(z.string().min(1)).default(['linkmedic', 'dead link']).describe('Labels put on those issues.'),
      maxNewPerRun: z.number().int().min(0).max(100).default(10).describe('At most this many new issues per run; the rest wait for the next run.'),
    })
    .default({ enabled: true, labels: ['linkmedic', 'dead link'], maxNewPerRun: 10 })
    .describe('Issues for dead links.'),
  fixes: z
    .strictObject({
      enabled: z.boolean().default(true).describe('Keep one rolling pull request with every safe fix.'),
      redirects: z.boolean().default(true).describe('Replace links that permanently redirect to a live page.'),
      renames: z.boolean().default(true).describe('Follow GitHub and Hugging Face repository renames and transfers.'),
      markdown: z.boolean().default(true).describe('Fix bare URLs broken by backslash escapes or a space, and `[text] (url)`.'),
      archive: z.boolean().default(false).describe('Replace dead links by their closest Wayback Machine snapshot.'),
      https: z.boolean().default(true).describe('Switch plain `http://` links to `https://` where the https form answers with the same page.'),
    })
    .default({ enabled: true, redirects: true, renames: true, markdown: true, archive: false, https: true })
    .describe('The rolling fix pull request (branch `linkmedic/fix-links`).'),
  deadAfter: deadAfterSchema
    .default({ runs: 3, hours: 48 })
    .describe('A failing link is confirmed dead after failing in this many runs spanning this many hours (404/410, missing repositories and unknown hosts need only 2 runs over 20 hours).'),
  report: z
    .strictObject({
      enabled: z.boolean().default(true).describe('Keep one report issue up to date.'),
      title: z.string().min(1).max(256).default('Link health report').describe('Title of the report issue.'),
    })
    .default({ enabled: true, title: 'Link health report' })
    .describe('The living report issue.'),
  allowPrivateNetworks: z
    .boolean()
    .default(false)
    .describe('Check links to loopback and private addresses. Only for self-hosted installations: honoured only where the server sets `LINKMEDIC_ALLOW_PRIVATE_NETWORKS=true`.'),
  timeoutMs: z
    .number()
    .int()
    .min(1000)
    .max(120_000)
    .default(30_000)
    .describe('Time budget of one request to a link, in milliseconds.'),
});

/** The settings after defaults are applied. */
export type RepoConfig = z.output<typeof repoConfigSchema>;
/** What a maintainer may write. */
export type RepoConfigInput = z.input<typeof repoConfigSchema>;

export const REPO_CONFIG_PATH = '.github/linkmedic.yml';
