import type { LinkOccurrence, SourceSpan } from './link-occurrence.js';

/** Problems in how the catalog is written, found without any network access. */
export type LintCode =
  /** A bare URL with backslash escapes (`medical\_meadow`): GitHub keeps the `\` and links to `%5C`. */
  | 'escaped_bare_url'
  /** A bare URL cut by whitespace (`github.com/SCIR-HI/ Huatuo…`): GitHub links only the first part. */
  | 'split_bare_url'
  /** `[text] (url)`: a space between `]` and `(` breaks the link syntax. */
  | 'link_syntax_space'
  /** A table row whose cell count differs from its header row (GFM pads or drops cells). */
  | 'table_cell_count'
  /** A row whose link sits in a column no other row uses while the link column is empty: a row broken in two. */
  | 'table_row_misaligned'
  /** The same URL listed for two different entries. */
  | 'duplicate_url'
  /** The same GitHub or Hugging Face repository linked with different letter case. */
  | 'repo_case_mismatch'
  /** A plain `http://` link; the checker later says whether `https://` works. */
  | 'insecure_http'
  /** A URL that cannot be parsed: bad host, spaces, control characters. */
  | 'malformed_url'
  /** A `[label]: url` definition that no reference uses (reported, not checked). */
  | 'unused_definition';

export interface LintFinding {
  code: LintCode;
  message: string;
  file: string;
  line: number;
  column: number;
  /** The link the finding is about (absent for row-level findings such as `table_cell_count`). */
  occurrence?: LinkOccurrence;
  /** Where a safe correction exists: replace `span` in the source with `replacement`. */
  fix?: { span: SourceSpan; replacement: string };
}
