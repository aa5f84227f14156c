import type { LintRule } from './lint-input.js';
import { findingAt } from './lint-input.js';

/**
 * `[text] (https://…)`: the space stops the link syntax, so GitHub shows the brackets and links only
 * the bare URL. Removing the space makes it the link the author meant.
 */
export const linkSyntaxSpace: LintRule = ({ source, occurrences }) =>
  occurrences
    .filter((occurrence) => occurrence.kind === 'bare')
    .flatMap((occurrence) => {
      const before = source.slice(Math.max(0, occurrence.span.start - 40), occurrence.span.start);
      const match = /\]([ \t]+)\($/.exec(before);
      if (!match) return [];
      const start = occurrence.span.start - match[0].length + 1;
      return [
        findingAt(occurrence, 'link_syntax_space', `a space between "]" and "(" breaks the link to ${occurrence.url}`, {
          span: { start, end: start + match[1]!.length },
          replacement: '',
        }),
      ];
    });
