import { z } from 'zod';

/** What `--format` may name; every command that reports accepts all four. */
export const OUTPUT_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--format`, its alias `--json`, and `--output FILE`. */
export const outputOptionsSchema = z
  .object({
    format: z.enum(OUTPUT_FORMATS, { error: `expected one of ${OUTPUT_FORMATS.join(', ')}` }).optional(),
    json: z.boolean().optional(),
    output: z.string().trim().min(1, { error: 'needs a file path' }).optional(),
  })
  .refine((flags) => !(flags.json && flags.format && flags.format !== 'json'), { error: '--json means --format json; pass only one of them', path: ['format'] })
  .transform(({ format, json, output }) => ({ format: format ?? (json ? 'json' : 'text') as OutputFormat, ...(output && { output }) }));
