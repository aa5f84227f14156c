import { z } from 'zod';
import { LinkmedicError } from '../errors.js';

/** Validates a command's flags; the first problem becomes a one-line usage error naming the flag. */
export function parseFlags<Schema extends z.ZodType>(schema: Schema, flags: unknown, hint: string): z.output<Schema> {
  const parsed = schema.safeParse(flags);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const flag = issue?.path[0] === undefined ? '' : `--${String(issue.path[0]).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: `;
  throw new LinkmedicError('USAGE', `${flag}${issue?.message ?? 'invalid options'}`, hint);
}
