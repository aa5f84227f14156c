import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';

/** Reads the request body; JSON bodies that do not parse get GitHub's 400 "Problems parsing JSON". */
export async function readBody(req: IncomingMessage): Promise<{ text: string; json: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { text, json: undefined };
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    return { text, json: new ParseFailure() };
  }
}

/** Marker for a body that was sent but is not JSON; routes that need a body reject it. */
export class ParseFailure {
  toError(): ApiError {
    return new ApiError(400, 'Problems parsing JSON');
  }
}
