import type { LintRule } from './lint-input.js';
import { findingAt } from './lint-input.js';

/** A backslash before ASCII punctuation: an escape in markdown text, but literal in a bare URL. */
const ESCAPE = /\\([!-/:-@[-`{-~])/;
const ESCAPES = new RegExp(ESCAPE.source, 'g');

/**
 * GitHub's autolinker takes a bare URL's characters literally, so `medical\_meadow` links to
 * `medical%5C_meadow` (a 404). The author meant the escapes for the emphasis parser; dropping them
 * keeps the URL intact, since underscores inside a bare URL are never emphasis.
 */
export const escapedBareUrl: LintRule = ({ source, occurrences }) =>
  occurrences
    .filter((occurrence) => occurrence.kind === 'bare')
    .flatMap((occurrence) => {
      const raw = source.slice(occurrence.span.start, occurrence.span.end);
      if (!ESCAPE.test(raw)) return [];
      const replacement = raw.replace(ESCAPES, '$1');
      return [
        findingAt(
          occurrence,
          'escaped_bare_url',
          `bare URL keeps its backslashes on GitHub (links to ${occurrence.url}); write ${replacement}`,
          { span: occurrence.span, replacement },
        ),
      ];
    });
