import { extractMarkdown } from '../../catalog/extract-markdown.js';
import type { LinkOccurrence } from '../../catalog/link-occurrence.js';
import type { ProposedFix } from '../repo-run.js';

export interface AppliedFixes {
  text: string;
  applied: ProposedFix[];
  /** Fixes whose result would not parse back to the intended links; left out of the pull request. */
  dropped: ProposedFix[];
}

/** Rewrites the spans from the end of the file backwards, so earlier offsets stay valid. */
function splice(text: string, fixes: readonly ProposedFix[]): string {
  let result = text;
  for (const fix of [...fixes].sort((a, b) => b.span.start - a.span.start)) {
    result = result.slice(0, fix.span.start) + fix.replacement + result.slice(fix.span.end);
  }
  return result;
}

const sorted = (urls: string[]): string[] => urls.sort();

/**
 * True when the fixed text has exactly the links of the original, each fixed one now pointing
 * where the fix says. A replacement can change how markdown parses (a trailing `)` or `.` ending
 * a bare URL, an `&` in an HTML attribute); re-extracting is the only honest check.
 */
function keepsLinks(text: string, file: string, original: readonly LinkOccurrence[], fixes: readonly ProposedFix[]): boolean {
  const before = original.map((o) => {
    const fix = fixes.find((f) => f.from !== f.to && f.span.start <= o.span.start && o.span.end <= f.span.end);
    return fix ? fix.to : o.url;
  });
  const after = extractMarkdown(splice(text, fixes), file).occurrences.map((o) => o.url);
  const [a, b] = [sorted(before), sorted(after)];
  return a.length === b.length && a.every((url, i) => url === b[i]);
}

/** Applies one file's fixes, keeping only those whose result parses back to the intended links. */
export function applyFixes(text: string, file: string, fixes: readonly ProposedFix[]): AppliedFixes {
  if (fixes.length === 0) return { text, applied: [], dropped: [] };
  const original = extractMarkdown(text, file).occurrences;
  if (keepsLinks(text, file, original, fixes)) return { text: splice(text, fixes), applied: [...fixes], dropped: [] };
  const alone = fixes.filter((fix) => keepsLinks(text, file, original, [fix]));
  const applied = alone.length > 0 && keepsLinks(text, file, original, alone) ? alone : [];
  return { text: splice(text, applied), applied, dropped: fixes.filter((fix) => !applied.includes(fix)) };
}
