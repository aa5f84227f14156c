import type { Definition, MarkdownModel } from '../collect/markdown-model.js';
import type { DroppedLink } from '../extract-markdown.js';
import type { LineIndex } from '../line-index.js';
import type { LintFinding } from '../lint-finding.js';
import type { LinkOccurrence } from '../link-occurrence.js';
import type { ContextLocator } from '../locate-context.js';

/** Everything a lint rule may look at; rules are pure functions of it. */
export interface LintInput {
  file: string;
  source: string;
  lines: LineIndex;
  locator: ContextLocator;
  model: MarkdownModel;
  occurrences: readonly LinkOccurrence[];
  dropped: readonly DroppedLink[];
  unused: readonly Definition[];
}

export type LintRule = (input: LintInput) => LintFinding[];

/** A finding about one occurrence, positioned at its URL. */
export function findingAt(
  occurrence: LinkOccurrence,
  code: LintFinding['code'],
  message: string,
  fix?: LintFinding['fix'],
): LintFinding {
  const { file, line, column } = occurrence;
  return { code, message, file, line, column, occurrence, ...(fix && { fix }) };
}
