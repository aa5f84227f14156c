/**
 * Stage 1 (catalog) output: one place in a markdown file where a reader finds a link.
 * Carried unchanged through check → metadata → store → report, so every verdict can point back
 * at the exact characters a fix pull request will rewrite.
 */

/** How the link is written in the markdown source. */
export type LinkKind =
  /** `[text](url)` */
  | 'inline'
  /** `[text][label]`, `[label][]` or `[label]`, resolved through a `[label]: url` definition. */
  | 'reference'
  /** `<https://example.org>` */
  | 'autolink'
  /** A GFM autolink literal: a bare `https://…`, `http://…` or `www.…` in text (or an email). */
  | 'bare'
  /** An `href` or `src` attribute in raw HTML (`<a href>`, `<img src>`, …). */
  | 'html'
  /** `![alt](src)` or `![alt][label]` */
  | 'image';

/** Offsets into the file's text (UTF-16 code units, as JavaScript strings index), end exclusive. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** Where a link sits in the catalog, as a reader would describe it. */
export interface LinkContext {
  /** Heading path from the top of the file, e.g. `['Datasets', '英文']`; empty before any heading. */
  section: string[];
  /** The catalog entry: a table row's first cell text, or a list item's leading text. */
  entry?: string;
  /** The header text of the table column the link is in. */
  tableColumn?: string;
}

export interface LinkOccurrence extends LinkContext {
  /** Exactly the href (or src) GitHub's renderer emits: what a reader who clicks it gets. */
  url: string;
  kind: LinkKind;
  /** The link text (or alt text / element text); for bare URLs and autolinks the URL as shown. */
  text: string;
  /** Path of the markdown file as the user named it (relative to the working directory). */
  file: string;
  /** 1-based line of the URL's first character in the source. */
  line: number;
  /** 1-based column (in characters) of the URL's first character in the source. */
  column: number;
  /** The URL's source text; for a reference link this is the definition's destination. */
  span: SourceSpan;
  /** For `reference` (and reference images): the definition that supplied the URL. */
  definition?: { label: string; line: number };
  /** For `html`: the element and attribute, e.g. `{tag: 'img', attribute: 'src'}`. */
  html?: { tag: string; attribute: 'href' | 'src' };
  /** For `reference`: where the reference itself is written (the definition holds the URL). */
  usedAt?: { line: number; column: number; offset: number };
}
