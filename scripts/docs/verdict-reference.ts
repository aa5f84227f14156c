import { VERDICTS } from '../../src/check/verdict.js';
import { toneOf } from '../../src/report/problem-groups.js';

const TONE = { ok: 'works', moved: 'works, fix proposed', human: 'needs a human; never dead', failing: 'failing; can become confirmed dead', skipped: 'not judged' } as const;

/** The README's verdict table, from the one-line docs of `VERDICTS` in src/check/verdict.ts. */
export function renderVerdictReference(): string {
  return [
    '| Verdict | Counts as | Meaning |',
    '|---|---|---|',
    ...Object.entries(VERDICTS).map(([verdict, meaning]) => `| \`${verdict}\` | ${TONE[toneOf(verdict as keyof typeof VERDICTS)]} | ${meaning} |`),
  ].join('\n');
}
