import { z } from 'zod';

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/**
 * `--since`: a span back from now (`12h`, `30d`, `8w`) or a date or time (`2026-10-01`,
 * `2026-10-01T03:00Z`). Parsed against the command's clock, so tests and reports agree.
 */
export function sinceSchema(now: Date) {
  return z.string().transform((text, ctx) => {
    const span = /^(\d+)\s*([hdw])$/i.exec(text.trim());
    if (span) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2]!.toLowerCase() as keyof typeof UNIT_MS]);
    const date = /^\d{4}-\d{2}-\d{2}/.test(text.trim()) ? new Date(text.trim()) : undefined;
    if (date && !Number.isNaN(date.getTime())) return date;
    ctx.addIssue({ code: 'custom', message: `expected a span like 30d, 12h or 8w, or a date like 2026-10-01; got "${text}"` });
    return z.NEVER;
  });
}
