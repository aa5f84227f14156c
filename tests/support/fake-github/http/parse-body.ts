import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { ParseFailure } from './read-body.js';

/**
 * Validates a request body the way GitHub's JSON-schema layer answers: 400 for unparseable
 * JSON, 422 "Invalid request." naming the missing or mistyped property.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body instanceof ParseFailure) throw body.toError();
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('/') ?? '';
  const missing = issue?.code === 'invalid_type' && issue.message.includes('undefined');
  const detail = missing
    ? `"${field}" wasn't supplied.`
    : `For 'properties/${field}', ${issue?.message ?? 'the value'} is not valid.`;
  throw ApiError.unprocessable(`Invalid request.\n\n${detail}`);
}
