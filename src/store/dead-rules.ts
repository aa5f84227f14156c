import { z } from 'zod';

/**
 * When a failing link counts as confirmed dead. Either rule suffices, so the hard rule only ever
 * makes confirmation faster; a repository's `deadAfter {runs, hours}` replaces the general rule.
 */
export interface DeadRules {
  /** Failing runs in the current streak needed… */
  runs: number;
  /** …and the hours from the start of the first to the end of the last of them. */
  hours: number;
  /** The same, counting only failures whose reason leaves little doubt (a 404, a missing repository). */
  hard: { runs: number; hours: number; reasons: readonly string[] };
}

export const DEFAULT_DEAD_RULES: DeadRules = {
  runs: 3,
  hours: 48,
  hard: { runs: 2, hours: 20, reasons: ['http_404', 'http_410', 'repo_not_found', 'dns_not_found'] },
};

/** `deadAfter` in `.github/linkmedic.yml`; the config schema embeds this. */
export const deadAfterSchema = z.strictObject({
  runs: z.number().int().min(1).max(365).describe('Failing runs needed in the current failure streak.'),
  hours: z.number().min(0).max(24 * 365).describe('Hours from the start of the first of those runs to the end of the last.'),
});

/** The rules for a repository whose config says `deadAfter` (or the defaults when it says nothing). */
export function deadRules(deadAfter?: z.input<typeof deadAfterSchema>): DeadRules {
  return deadAfter ? { ...DEFAULT_DEAD_RULES, ...deadAfterSchema.parse(deadAfter) } : DEFAULT_DEAD_RULES;
}
