import type { Event, Point, Token, TokenizeContext, TokenType } from 'micromark-util-types';

/**
 * Text of a cell (or a link's label) that no inline construct can start in: no escapes, code,
 * emphasis, strikethrough, brackets, HTML, character references or the starts of GFM's bare URLs
 * and email addresses. ASCII control characters and tabs stay with micromark too.
 */
const PLAIN = /^[^\\`*_~[\]<&@|\u0000-\u001f\u007f]+$/;
const BARE_URL_START = /(?:https?|mailto|xmpp):|www\./i;
/** A link destination with nothing to decode or balance: no spaces, parentheses, escapes or references. */
const DESTINATION = /^[^\s()<>\\&[\]`|\u0000-\u001f\u007f]+$/;
const LINK = /^\[([^[\]]*)\]\(([^()]*)\)$/;

const plain = (text: string): boolean => PLAIN.test(text) && !BARE_URL_START.test(text) && text.trim() === text;

/**
 * micromark's expanded events for one body row of a GFM table, written here for a row simple
 * enough to be sure of them: the line (`text[start, end)`, without its line ending, on line `line`)
 * starts and ends with a pipe, and each cell is empty, plain text, or one inline link whose label
 * is plain text and whose destination needs no decoding. Any other row returns undefined and is
 * left to micromark, which takes ~0.4 ms a row in a fresh process (tokenizing the row, resolving
 * its cells, tokenizing each cell's text again) for events fixed by where the pipes are: a 1,000-row
 * catalog table took 375–450 ms to extract cold, 134–172 ms with its rows written here. The events
 * are compared with micromark's over generated rows (plain-table-row.test.ts) and in the big-table
 * tests of parse-markdown.test.ts.
 */
export function plainRowEvents(text: string, start: number, end: number, line: number, context: TokenizeContext): Event[] | undefined {
  if (end - start < 2 || text.charCodeAt(start) !== 124 || text.charCodeAt(end - 1) !== 124) return undefined;
  const pipes: number[] = [];
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === 124) pipes.push(at);
  const point = (offset: number): Point => ({ line, column: offset - start + 1, offset, _index: 0, _bufferIndex: -1 });
  const events: Event[] = [];
  const token = (type: TokenType, from: number, to: number): Token => ({ type, start: point(from), end: point(to) });
  const leaf = (type: TokenType, from: number, to: number): void => {
    const made = token(type, from, to);
    events.push(['enter', made, context], ['exit', made, context]);
  };
  const open = (type: TokenType, from: number, to: number): Token => {
    const made = token(type, from, to);
    events.push(['enter', made, context]);
    return made;
  };
  const close = (made: Token): void => void events.push(['exit', made, context]);

  const row = open('tableRow', start, end);
  for (let cell = 0; cell < pipes.length - 1; cell++) {
    const divider = pipes[cell]!;
    const next = pipes[cell + 1]!;
    const last = cell === pipes.length - 2;
    const data = open('tableData', divider, last ? end : next);
    leaf('tableCellDivider', divider, divider + 1);
    const inner = text.slice(divider + 1, next);
    const lead = inner.length - inner.replace(/^ +/, '').length;
    const core = inner.slice(lead).replace(/ +$/, '');
    const from = divider + 1 + lead;
    if (lead > 0) leaf('whitespace', divider + 1, from);
    if (core !== '') {
      if (!content(core, from)) return undefined;
      if (from + core.length < next) leaf('whitespace', from + core.length, next);
    }
    if (last) leaf('tableCellDivider', next, next + 1);
    close(data);
  }
  close(row);
  return events;

  /** The cell's content: one data token, or one link. */
  function content(core: string, from: number): boolean {
    const to = from + core.length;
    const link = LINK.exec(core);
    if (!link) {
      if (!plain(core)) return false;
      const wrapper = open('tableContent', from, to);
      leaf('data', from, to);
      close(wrapper);
      return true;
    }
    const [, label = '', destination = ''] = link;
    if (!plain(label) || !DESTINATION.test(destination)) return false;
    const labelEnd = from + 1 + label.length;
    const wrapper = open('tableContent', from, to);
    const made = open('link', from, to);
    const labelToken = open('label', from, labelEnd + 1);
    leaf('labelMarker', from, from + 1);
    const labelText = open('labelText', from + 1, labelEnd);
    leaf('data', from + 1, labelEnd);
    close(labelText);
    leaf('labelMarker', labelEnd, labelEnd + 1);
    close(labelToken);
    const resource = open('resource', labelEnd + 1, to);
    leaf('resourceMarker', labelEnd + 1, labelEnd + 2);
    const destinationStart = labelEnd + 2;
    const destinationEnd = to - 1;
    const outer = open('resourceDestination', destinationStart, destinationEnd);
    const raw = open('resourceDestinationRaw', destinationStart, destinationEnd);
    const string = open('resourceDestinationString', destinationStart, destinationEnd);
    leaf('data', destinationStart, destinationEnd);
    close(string);
    close(raw);
    close(outer);
    leaf('resourceMarker', destinationEnd, to);
    close(resource);
    close(made);
    close(wrapper);
    return true;
  }
}
