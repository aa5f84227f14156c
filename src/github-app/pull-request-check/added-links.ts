import { extractMarkdown } from '../../catalog/extract-markdown.js';
import type { LintFinding } from '../../catalog/lint-finding.js';
import type { LinkOccurrence } from '../../catalog/link-occurrence.js';
import type { MarkdownFile } from '../../catalog/read-markdown-files.js';

/** The links a pull request adds or changes: every place each new URL appears at its head. */
export interface AddedLinks {
  occurrencesByUrl: Map<string, LinkOccurrence[]>;
  /** Lint findings (with a fix) about those places: mangled URLs the author can correct now. */
  findings: LintFinding[];
}

/**
 * Compares what the files link to before and after. A URL counts as added when none of the
 * touched files linked to it at the merge base, so moving an entry or editing its description
 * asks nothing of the checker, while a changed URL is a new one.
 */
export function addedLinks(head: readonly MarkdownFile[], base: readonly MarkdownFile[]): AddedLinks {
  const known = new Set(base.flatMap(({ text, file }) => extractMarkdown(text, file).occurrences.map((o) => o.url)));
  const occurrencesByUrl = new Map<string, LinkOccurrence[]>();
  const findings: LintFinding[] = [];
  for (const { text, file } of head) {
    const extraction = extractMarkdown(text, file);
    for (const occurrence of extraction.occurrences) {
      if (known.has(occurrence.url)) continue;
      occurrencesByUrl.set(occurrence.url, [...(occurrencesByUrl.get(occurrence.url) ?? []), occurrence]);
    }
    findings.push(...extraction.findings.filter((f) => f.fix && f.occurrence && !known.has(f.occurrence.url)));
  }
  return { occurrencesByUrl, findings };
}
