import { EXIT } from '../errors.js';
import type { RunReport } from '../report/run-report.js';

/** 3 when linkmedic itself was offline (nothing judged), 1 when a link is dead, else 0. */
export function exitCodeFor(report: Pick<RunReport, 'conclusive' | 'summary'>): number {
  if (!report.conclusive) return EXIT.inconclusive;
  return report.summary.dead > 0 ? EXIT.dead : EXIT.ok;
}
