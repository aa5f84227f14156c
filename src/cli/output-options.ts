import { z } from 'zod';
import { OUTPUT_FORMATS, type OutputFormat } from './output-formats.js';

/** `--format`, its alias `--json`, and `--output FILE`. */
export const outputOptionsSchema = z
  .object({
    format: z.enum(OUTPUT_FORMATS, { error: `expected one of ${OUTPUT_FORMATS.join(', ')}` }).optional(),
    json: z.boolean().optional(),
    output: z.string().trim().min(1, { error: 'needs a file path' }).optional(),
  })
  .refine((flags) => !(flags.json && flags.format && flags.format !== 'json'), { error: '--json means --format json; pass only one of them', path: ['format'] })
  .transform(({ format, json, output }) => ({ format: format ?? (json ? 'json' : 'text') as OutputFormat, ...(output && { output }) }));
