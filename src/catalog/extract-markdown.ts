import type { RawLink } from './collect/markdown-model.js';
import { extractMarkdownIncrementally } from './extract-markdown-incrementally.js';
import type { LintFinding } from './lint-finding.js';
import type { LinkOccurrence } from './link-occurrence.js';

/** Stage 1 output for one file: every link a reader sees, and what is wrong with how they are written. */
export interface Extraction {
  file: string;
  occurrences: LinkOccurrence[];
  findings: LintFinding[];
}

/** Links in cells past the header's cell count, which GFM drops from the rendered table. */
export interface DroppedLink {
  link: RawLink;
  line: number;
}

/**
 * Extracts every link of a markdown document exactly as GitHub renders it, with its position and
 * catalog context, and lints how the catalog is written.
 */
export function extractMarkdown(text: string, file: string): Extraction {
  const steps = extractMarkdownIncrementally(text, file);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
