import { z } from 'zod';
import type { UnverifiedReason } from '../api-check.js';

export const GraphqlErrorSchema = z.object({
  type: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});

export type GraphqlError = z.infer<typeof GraphqlErrorSchema>;

/** How one batch request went, from the batching loop's point of view. */
export type BatchAnswer =
  /** GitHub answered: data per alias, and errors (NOT_FOUND …) beside it. */
  | { kind: 'answered'; data: Record<string, unknown>; errors: GraphqlError[] }
  /** 502/504, a timeout or a resource-limit error: the same batch, halved, may pass. */
  | { kind: 'too_big'; detail: string }
  /** Another 5xx or a network failure: worth retrying as is, after a pause. */
  | { kind: 'transient'; detail: string }
  /** No point in sending more requests this run. */
  | { kind: 'stop'; reason: UnverifiedReason; detail: string };

// Error types GitHub uses when a query is too heavy; smaller batches avoid them.
const RESOURCE_LIMIT_TYPES = new Set(['MAX_NODE_LIMIT_EXCEEDED', 'RESOURCE_LIMITS_EXCEEDED', 'TIMEOUT']);

const ResponseErrorSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(GraphqlErrorSchema).min(1),
});

const RequestErrorSchema = z.object({
  status: z.number().int(),
  message: z.string(),
  response: z.object({ headers: z.record(z.string(), z.unknown()).optional() }).optional(),
});

/** A GraphQL body that came back (HTTP 200) with `errors`. */
export function classifyGraphqlBody(data: Record<string, unknown> | null | undefined, errors: GraphqlError[]): BatchAnswer {
  const summary = errors.slice(0, 3).map((e) => e.message).join('; ');
  if (errors.some((e) => e.type === 'RATE_LIMITED')) {
    return { kind: 'stop', reason: 'api_rate_limited', detail: `GitHub GraphQL budget exhausted: ${summary}` };
  }
  if (errors.some((e) => e.type !== undefined && RESOURCE_LIMIT_TYPES.has(e.type))) {
    return { kind: 'too_big', detail: `GitHub refused the batch as too heavy: ${summary}` };
  }
  // Errors about one alias (NOT_FOUND, FORBIDDEN) sit beside the data of the others.
  if (data && errors.every((e) => e.path !== undefined && e.path.length > 0)) {
    return { kind: 'answered', data, errors };
  }
  return { kind: 'stop', reason: 'api_unexpected_response', detail: `GitHub rejected the query: ${summary}` };
}

function causeNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) names.push(e.name);
  return names;
}

// octokit's GraphqlResponseError carries `errors` and `data`; the throttling plugin's RATE_LIMITED
// error carries the whole body as `data`.
function errorBody(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { errors?: unknown; data?: { data?: unknown; errors?: unknown } };
  return e.errors !== undefined ? { data: e.data, errors: e.errors } : { data: e.data?.data, errors: e.data?.errors };
}

/** Sorts what `octokit.graphql` threw into what the batching loop should do next. */
export function classifyGraphqlFailure(error: unknown): BatchAnswer {
  const body = ResponseErrorSchema.safeParse(errorBody(error));
  if (body.success) return classifyGraphqlBody(body.data.data, body.data.errors);

  if (causeNames(error).some((name) => name === 'TimeoutError' || name === 'AbortError')) {
    return { kind: 'too_big', detail: 'GitHub did not answer the batch in time.' };
  }
  const request = RequestErrorSchema.safeParse(error);
  if (!request.success) {
    return { kind: 'transient', detail: `GitHub request failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { status, message } = request.data;
  const headers = request.data.response?.headers ?? {};
  if (status === 401) return { kind: 'stop', reason: 'api_unauthorized', detail: `GitHub rejected the token: ${message}` };
  if (status === 403 || status === 429) {
    const limited = /rate limit/i.test(message) || headers['x-ratelimit-remaining'] === '0';
    return limited
      ? { kind: 'stop', reason: 'api_rate_limited', detail: `GitHub rate limit not cleared within the wait cap: ${message}` }
      : { kind: 'stop', reason: 'api_unexpected_response', detail: `GitHub refused the request (${status}): ${message}` };
  }
  if (status === 502 || status === 504 || /Something went wrong while executing your query/.test(message)) {
    return { kind: 'too_big', detail: `GitHub answered ${status}: ${message}` };
  }
  if (status >= 500) return { kind: 'transient', detail: `GitHub answered ${status}: ${message}` };
  return { kind: 'stop', reason: 'api_unexpected_response', detail: `GitHub answered ${status}: ${message}` };
}
