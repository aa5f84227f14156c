import type { MarkdownFile } from '../../catalog/read-markdown-files.js';
import type { ProposedFix } from '../repo-run.js';
import { applyFixes } from './apply-fixes.js';

export interface FixedFiles {
  /** Path → fixed text, only for files that change. */
  files: Map<string, string>;
  applied: ProposedFix[];
  dropped: ProposedFix[];
}

/** Applies the fixes to the catalog files they name (read at the head the report was made from). */
export function fixFiles(catalog: readonly MarkdownFile[], fixes: readonly ProposedFix[]): FixedFiles {
  const result: FixedFiles = { files: new Map(), applied: [], dropped: [] };
  for (const { file, text } of catalog) {
    // A fix whose replacement is already what the source says would be an empty change.
    const mine = fixes.filter((fix) => fix.file === file && text.slice(fix.span.start, fix.span.end) !== fix.replacement);
    if (mine.length === 0) continue;
    const { text: fixed, applied, dropped } = applyFixes(text, file, mine);
    result.applied.push(...applied);
    result.dropped.push(...dropped);
    if (applied.length > 0) result.files.set(file, fixed);
  }
  return result;
}
