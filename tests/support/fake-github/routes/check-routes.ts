import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { paginate } from '../http/paginate.js';
import { parseBody } from '../http/parse-body.js';
import { json } from '../http/reply.js';
import type { Route, RouteContext } from '../http/route.js';
import { resolveRef } from '../state/resolve-ref.js';
import type { FakeCheckRun } from '../state/types.js';
import { toApp } from '../serialize/to-app.js';

const ANNOTATION = z.object({
  path: z.string(),
  start_line: z.number().int(),
  end_line: z.number().int(),
  start_column: z.number().int().optional(),
  end_column: z.number().int().optional(),
  annotation_level: z.enum(['notice', 'warning', 'failure']),
  message: z.string(),
  title: z.string().optional(),
  raw_details: z.string().optional(),
});
const OUTPUT = z.object({
  title: z.string(),
  summary: z.string(),
  text: z.string().optional(),
  annotations: z.array(ANNOTATION).optional(),
  images: z.array(z.unknown()).optional(),
});
const STATUS = z.enum(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);
const CONCLUSION = z.enum(['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'stale', 'timed_out']);
const FIELDS = {
  details_url: z.string().optional(),
  external_id: z.string().optional(),
  status: STATUS.optional(),
  started_at: z.string().optional(),
  conclusion: CONCLUSION.optional(),
  completed_at: z.string().optional(),
  output: OUTPUT.optional(),
  actions: z.array(z.object({ label: z.string().max(20), description: z.string().max(40), identifier: z.string().max(20) })).max(3).optional(),
};
const CREATE = z.object({ name: z.string(), head_sha: z.string(), ...FIELDS });
const UPDATE = z.object({ name: z.string().optional(), ...FIELDS });

const TEXT_LIMIT = 65_535;

/** GitHub's per-request limits on check-run output: 50 annotations, 65,535 characters per text field. */
function checkOutput(output: z.infer<typeof OUTPUT> | undefined): void {
  if (!output) return;
  const n = output.annotations?.length ?? 0;
  if (n > 50) throw ApiError.unprocessable(`Invalid request.\n\nNo more than 50 items are allowed; ${n} were supplied.`);
  for (const field of ['summary', 'text'] as const) {
    const len = output[field]?.length ?? 0;
    if (len > TEXT_LIMIT) throw ApiError.unprocessable(`Invalid request.\n\nOnly ${TEXT_LIMIT} characters are allowed; ${len} were supplied.`);
  }
}

function toCheckRun(ctx: RouteContext, run: FakeCheckRun) {
  const api = `${ctx.urls.api}/repos/${ctx.repo.owner.login}/${ctx.repo.name}/check-runs/${run.id}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: Buffer.from(`08:CheckRun${run.id}`).toString('base64'),
    external_id: run.externalId,
    url: api,
    html_url: `${ctx.urls.web}/${ctx.repo.owner.login}/${ctx.repo.name}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${api}/annotations` },
    name: run.name,
    check_suite: { id: run.id + 1 },
    app: toApp(ctx.state.app, ctx.urls),
    pull_requests: [],
  };
}

function apply(ctx: RouteContext, run: FakeCheckRun, body: z.infer<typeof UPDATE>): void {
  checkOutput(body.output);
  if (body.name) run.name = body.name;
  if (body.details_url !== undefined) run.detailsUrl = body.details_url;
  if (body.external_id !== undefined) run.externalId = body.external_id;
  if (body.started_at) run.startedAt = body.started_at;
  if (body.status) run.status = body.status;
  if (body.conclusion) {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (body.completed_at) run.completedAt = body.completed_at;
  if (run.status === 'completed') {
    if (!run.conclusion) throw ApiError.unprocessable('Invalid request.\n\n"conclusion" wasn\'t supplied.');
    run.completedAt ??= ctx.state.timestamp();
  }
  if (body.output) {
    run.output = { title: body.output.title, summary: body.output.summary, text: body.output.text ?? run.output.text };
    // Annotations accumulate across updates, which is how clients send more than 50.
    run.annotations.push(...(body.output.annotations ?? []));
  }
}

function findRun(ctx: RouteContext): FakeCheckRun {
  const run = ctx.repo.checkRuns.get(Number(ctx.params.check_run_id));
  if (!run) throw ApiError.notFound();
  return run;
}

export function checkRoutes(): Route[] {
  const base = '/repos/{owner}/{repo}';
  const read: Route['permission'] = ['checks', 'read'];
  const write: Route['permission'] = ['checks', 'write'];
  return [
    {
      method: 'POST',
      pattern: `${base}/check-runs`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        const body = parseBody(CREATE, ctx.body);
        if (!ctx.repo.git.commit(body.head_sha)) throw ApiError.unprocessable(`No commit found for SHA: ${body.head_sha}`);
        const run: FakeCheckRun = {
          id: ctx.state.nextId(),
          name: body.name,
          headSha: body.head_sha,
          status: 'queued',
          conclusion: null,
          startedAt: ctx.state.timestamp(),
          completedAt: null,
          detailsUrl: null,
          externalId: null,
          output: { title: null, summary: null, text: null },
          annotations: [],
          appId: ctx.state.app.id,
        };
        apply(ctx, run, body);
        ctx.repo.checkRuns.set(run.id, run);
        return json(201, toCheckRun(ctx, run));
      },
    },
    {
      method: 'PATCH',
      pattern: `${base}/check-runs/{check_run_id}`,
      scope: 'repo',
      permission: write,
      handler: (ctx) => {
        const run = findRun(ctx);
        apply(ctx, run, parseBody(UPDATE, ctx.body));
        return json(200, toCheckRun(ctx, run));
      },
    },
    { method: 'GET', pattern: `${base}/check-runs/{check_run_id}`, scope: 'repo', permission: read, handler: (ctx) => json(200, toCheckRun(ctx, findRun(ctx))) },
    {
      method: 'GET',
      pattern: `${base}/check-runs/{check_run_id}/annotations`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const run = findRun(ctx);
        const page = paginate(ctx, run.annotations.map((a) => ({ ...a, blob_href: `${ctx.urls.web}/${ctx.repo.owner.login}/${ctx.repo.name}/blob/${run.headSha}/${a.path}` })));
        return json(200, page.items, page.headers);
      },
    },
    {
      method: 'GET',
      pattern: `${base}/commits/{ref+}/check-runs`,
      scope: 'repo',
      permission: read,
      handler: (ctx) => {
        const sha = resolveRef(ctx.repo, ctx.params.ref);
        if (!sha) throw ApiError.unprocessable(`No commit found for SHA: ${ctx.params.ref}`);
        const name = ctx.query.get('check_name');
        const status = ctx.query.get('status');
        const runs = [...ctx.repo.checkRuns.values()]
          .filter((r) => r.headSha === sha && (!name || r.name === name) && (!status || r.status === status))
          .sort((a, b) => b.id - a.id);
        const page = paginate(ctx, runs);
        return json(200, { total_count: runs.length, check_runs: page.items.map((r) => toCheckRun(ctx, r)) }, page.headers);
      },
    },
  ];
}
