import type { Event, Token } from 'micromark-util-types';
import type { LinkKind, SourceSpan } from '../link-occurrence.js';

/** A link as the parser found it, before catalog context (section, entry) is attached. */
export interface RawLink {
  kind: LinkKind;
  url: string;
  text: string;
  /** The URL's source text (for references: filled from the definition once resolved). */
  span: SourceSpan;
  /** Where the link is used: decides its section, entry and table column. */
  anchor: number;
  /** For references: the normalized label to resolve. */
  referenceId?: string;
  html?: { tag: string; attribute: 'href' | 'src' };
}

export interface Definition {
  /** Normalized label (case-folded, whitespace collapsed), as CommonMark matches references. */
  id: string;
  label: string;
  url: string;
  span: SourceSpan;
  offset: number;
}

export interface Heading {
  depth: number;
  text: string;
  offset: number;
}

export interface TableCell extends SourceSpan {
  text: string;
}

export interface TableRow extends SourceSpan {
  cells: TableCell[];
}

export interface Table extends SourceSpan {
  header: TableCell[];
  rows: TableRow[];
}

export interface ListItem extends SourceSpan {
  /** The item's leading text: its first paragraph up to the first link, or that link's text. */
  lead: string;
}

/** Everything one pass over the token stream learns about a markdown document. */
export interface MarkdownModel {
  links: RawLink[];
  definitions: Definition[];
  headings: Heading[];
  tables: Table[];
  listItems: ListItem[];
}

/**
 * One collector per concern; each sees every event of the token types it reads once, in order.
 * `events` is the current slice's event list and `index` the event's place in it.
 */
export interface Collector {
  types: readonly string[];
  onEvent(kind: Event[0], token: Token, index: number, events: readonly Event[]): void;
}

export const emptyModel = (): MarkdownModel => ({ links: [], definitions: [], headings: [], tables: [], listItems: [] });

export const sliceOf = (source: string, token: Token): string => source.slice(token.start.offset, token.end.offset);
export const spanOf = (token: Token): SourceSpan => ({ start: token.start.offset, end: token.end.offset });
