import type { Event, TokenizeContext } from 'micromark-util-types';
import { EventWriter } from './event-writer.js';
import { writePlainInline } from './write-plain-inline.js';

/**
 * micromark's expanded events for one body row of a GFM table, written here for a row simple
 * enough to be sure of them: the line (`text[start, end)`, without its line ending, on line `line`)
 * starts and ends with a pipe, and each cell is empty or text `writePlainInline` can write. Any
 * other row returns undefined and is left to micromark, which takes ~0.4 ms a row in a fresh
 * process (tokenizing the row, resolving its cells, tokenizing each cell's text again) for events
 * fixed by where the pipes are: a 1,000-row catalog table took 375–450 ms to extract cold, 134–172
 * ms with its rows written here. The events are compared with micromark's over generated rows
 * (plain-table-row.test.ts) and in the big-table tests of parse-markdown.test.ts.
 */
export function plainRowEvents(text: string, start: number, end: number, line: number, context: TokenizeContext): Event[] | undefined {
  if (end - start < 2 || text.charCodeAt(start) !== 124 || text.charCodeAt(end - 1) !== 124) return undefined;
  const pipes: number[] = [];
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === 124) pipes.push(at);
  const out = new EventWriter(line, start, context);
  const row = out.open('tableRow', start, end);
  for (let cell = 0; cell < pipes.length - 1; cell++) {
    const divider = pipes[cell]!;
    const next = pipes[cell + 1]!;
    const last = cell === pipes.length - 2;
    const data = out.open('tableData', divider, last ? end : next);
    out.leaf('tableCellDivider', divider, divider + 1);
    const inner = text.slice(divider + 1, next);
    const from = divider + 1 + inner.length - inner.replace(/^ +/, '').length;
    const to = next - (inner.length - inner.replace(/ +$/, '').length);
    if (from > divider + 1) out.leaf('whitespace', divider + 1, Math.min(from, next));
    if (from < to) {
      const content = out.open('tableContent', from, to);
      if (!writePlainInline(out, text, from, to)) return undefined;
      out.close(content);
      if (to < next) out.leaf('whitespace', to, next);
    }
    if (last) out.leaf('tableCellDivider', next, next + 1);
    out.close(data);
  }
  out.close(row);
  return out.events;
}
