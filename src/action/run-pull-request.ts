import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LinkmedicError } from '../errors.js';
import { asMetadataClient } from '../github-app/github/as-metadata-client.js';
import { judgeAddedLink } from '../github-app/pull-request-check/judge-added-link.js';
import { checkAddedLinks } from '../github-app/pull-request-check/check-added-links.js';
import { readPullCatalogFiles } from '../github-app/pull-request-check/read-pull-catalog-files.js';
import { createHttpClient } from '../http/create-http-client.js';
import type { ActionContext, ActionResult } from './action-context.js';
import { renderPullSummary } from './render-pull-summary.js';
import { annotationCommand, writeSummary } from './workflow-commands.js';

/** The members of the `pull_request` event payload the check reads. */
const pullEventSchema = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    head: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }),
    base: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }),
  }),
});

/**
 * `pull_request`: the app's pull request check (the links the pull request adds or changes, in
 * catalog files), shown the workflow way: annotations on the changed lines, every one of them in
 * the job summary, and a failed step when an added link is broken. Nothing is recorded.
 */
export async function runPullRequest(ctx: ActionContext): Promise<ActionResult> {
  const { settings, octokit } = ctx;
  const event = pullEventSchema.safeParse(JSON.parse(readFileSync(settings.eventPath, 'utf8')));
  if (!event.success) throw new LinkmedicError('USAGE', `the ${settings.event} event payload has no pull request: ${event.error.issues[0]?.message ?? ''}`);
  const pull = event.data.pull_request;
  const reportUrl = settings.runUrl ?? '';
  const files = await readPullCatalogFiles(octokit, { owner: settings.owner, repo: settings.repo }, pull, settings.config.files);
  if (files.head.length === 0) {
    writeSummary(settings.summaryPath, `## linkmedic on #${pull.number}\n\nThis pull request changes no catalog file (\`files\`): no link to check.`);
    return { outputs: { dead: 0, 'report-url': reportUrl }, failed: false };
  }
  const http = createHttpClient({ env: { ...ctx.env }, allowPrivateNetworks: settings.config.allowPrivateNetworks });
  try {
    const checked = await checkAddedLinks(files, settings.config, { http, env: ctx.env, now: ctx.now, github: { client: asMetadataClient(octokit) } });
    for (const annotation of checked.output.annotations) ctx.write(`${annotationCommand(annotation)}\n`);
    writeSummary(settings.summaryPath, renderPullSummary(checked.output, pull.number));
    ctx.log.info(`${checked.output.title} (${checked.added.occurrencesByUrl.size} added links checked)`);
    const dead = [...checked.results.values()].filter((result) => judgeAddedLink(result.verdict) === 'broken').length;
    return { outputs: { dead, 'report-url': reportUrl }, failed: checked.output.conclusion === 'failure' };
  } finally {
    await http.close();
  }
}
