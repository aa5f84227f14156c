import { z } from 'zod';
import { SUGGESTION_KIND_NAMES } from '../check/check-result.js';
import { VERDICT_NAMES } from '../check/verdict.js';

const count = z.number().int().nonnegative();
const instant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value).getTime());
const optionalInstant = instant.nullish().transform((value) => value ?? null);
const optionalText = z.string().nullish().transform((value) => value ?? null);

// Results, occurrences and snapshots strip unknown keys instead of rejecting them: the pipeline
// hands over its wider stage types (a CheckResult with redirects, a LinkOccurrence with spans).
const occurrence = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  section: z.array(z.string()),
  entry: z.string().optional(),
  tableColumn: z.string().optional(),
});

const github = z.object({
  fullName: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'owner/name'),
  databaseId: z.number().int().positive().nullish().transform((value) => value ?? null),
  stars: count,
  forks: count,
  archived: z.boolean(),
  disabled: z.boolean(),
  private: z.boolean(),
  pushedAt: optionalInstant,
  license: optionalText,
  description: optionalText,
});

const huggingface = z.object({
  id: z.string().min(1),
  kind: z.enum(['model', 'dataset', 'space']),
  likes: count,
  downloads: count.nullish().transform((value) => value ?? null),
  gated: z.union([z.boolean(), z.enum(['auto', 'manual'])]),
  disabled: z.boolean(),
  private: z.boolean(),
  lastModified: optionalInstant,
});

const result = z.object({
  url: z.string().min(1),
  verdict: z.enum(VERDICT_NAMES),
  reason: z.string().min(1),
  detail: z.string(),
  httpStatus: z.number().int().min(100).max(999).optional(),
  finalUrl: z.string().optional(),
  suggestion: z.object({ url: z.string(), kind: z.enum(SUGGESTION_KIND_NAMES) }).optional(),
  elapsedMs: z.number().nonnegative().transform(Math.round),
  occurrences: z.array(occurrence),
  github: github.nullish(),
  huggingface: huggingface.nullish(),
}).refine((entry) => !(entry.github && entry.huggingface), {
  message: 'a URL points at a GitHub or a Hugging Face repository, not both',
});

/** Validates a `RecordedRun`. The envelope is ours alone, so it is strict; see above for its parts. */
export const recordedRunSchema = z
  .strictObject({
    catalog: z.string().regex(/^[a-z][a-z0-9-]*:\S/, 'a key such as git:github.com/owner/repo:README.md or github:owner/repo'),
    startedAt: z.date(),
    finishedAt: z.date(),
    conclusive: z.boolean(),
    results: z.array(result),
  })
  .refine((run) => run.finishedAt.getTime() >= run.startedAt.getTime(), {
    message: 'finishedAt is before startedAt',
    path: ['finishedAt'],
  })
  .refine((run) => new Set(run.results.map((entry) => entry.url)).size === run.results.length, {
    message: 'a URL appears twice; results must be one per distinct URL',
    path: ['results'],
  });

export type ParsedRun = z.output<typeof recordedRunSchema>;
