import type { LintRule } from './lint-input.js';
import { findingAt } from './lint-input.js';

const OWNER_PAGE = /^https?:\/\/(?:www\.)?github\.com\/[^/?#]+\/?$/i;

/** Spaces, then one path-like word, then the end of the cell or line. */
const CONTINUATION = /^[ \t]+([A-Za-z0-9._~%!$&'*+,;=:@/-]+)(?=[ \t]*(?:\||\r?\n|$))/;

/**
 * A URL cut by a space (`https://github.com/SCIR-HI/ Huatuo-Llama-Med-Chinese`): GitHub links only
 * the first part. Flagged only when the cut is unambiguous: the URL ends with `/` and the next word
 * is path-like, or the next word starts with `/`; and nothing but the cell or line end follows.
 */
export const splitBareUrl: LintRule = ({ source, occurrences }) =>
  occurrences
    .filter((occurrence) => occurrence.kind === 'bare')
    .flatMap((occurrence) => {
      const match = CONTINUATION.exec(source.slice(occurrence.span.end, occurrence.span.end + 300));
      const word = match?.[1];
      if (!match || !word || /^[a-z][a-z0-9+.-]*:/i.test(word)) return [];
      const raw = source.slice(occurrence.span.start, occurrence.span.end);
      // `github.com/owner/` + ` repo`: an owner page followed by a word is almost surely a cut repo URL.
      const ownerOnly = OWNER_PAGE.test(occurrence.url);
      const pathLike = /[-_./0-9]/.test(word) || ownerOnly;
      if (!(word.startsWith('/') || (raw.endsWith('/') && pathLike))) return [];
      const joined = raw.endsWith('/') && word.startsWith('/') ? raw + word.slice(1) : raw + word;
      const end = occurrence.span.end + match[0].length;
      return [
        findingAt(occurrence, 'split_bare_url', `URL is cut by a space: GitHub links only ${occurrence.url}; write ${joined}`, {
          span: { start: occurrence.span.start, end },
          replacement: joined,
        }),
      ];
    });
