import { z } from 'zod';
import type { HubFacts } from './hub-facts.js';
import type { HubRepoKind } from './parse-hugging-face-url.js';

/** Properties asked for with `expand=` (notes §3.1): Spaces have no downloads and no gating. */
export const EXPAND: Record<HubRepoKind, string[]> = {
  model: ['likes', 'downloads', 'gated', 'disabled', 'private', 'lastModified'],
  dataset: ['likes', 'downloads', 'gated', 'disabled', 'private', 'lastModified'],
  space: ['likes', 'disabled', 'private', 'lastModified'],
};

// Third-party response: only the fields we read; the Hub adds more.
const HubRepoInfoSchema = z.object({
  id: z.string().min(1),
  likes: z.number().int().optional(),
  downloads: z.number().int().optional(),
  // Older answers carried `gated: true`; treat it as needing approval.
  gated: z.union([z.boolean(), z.enum(['auto', 'manual'])]).optional(),
  disabled: z.boolean().optional(),
  private: z.boolean().optional(),
  lastModified: z.string().optional(),
});

/** Reads `GET /api/{kind}s/{id}`'s body into facts; undefined when it is not a repository info. */
export function factsFromInfo(kind: HubRepoKind, body: unknown): HubFacts | undefined {
  const parsed = HubRepoInfoSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const info = parsed.data;
  return {
    id: info.id,
    kind,
    likes: info.likes ?? 0,
    downloads: kind === 'space' ? null : (info.downloads ?? 0),
    gated: info.gated === true ? 'manual' : (info.gated ?? false),
    disabled: info.disabled ?? false,
    private: info.private ?? false,
    lastModified: info.lastModified ?? null,
  };
}
