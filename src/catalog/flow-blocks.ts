import { subtokenize } from 'micromark-util-subtokenize';
import type { Event } from 'micromark-util-types';
import { writePlainChunks } from './write-plain-chunks.js';

/**
 * Table body rows expanded at once: a 10,000-row catalog table would otherwise hold ~250 MB of
 * tokens, and each slice is a batch the checker can start on (32 rows: the first request of a
 * 1,000-row table leaves ~300 ms sooner than with 256, while 8 costs more than it saves).
 */
export const ROWS_PER_SLICE = 32;

/** Top-level tokens that belong to no block: what is left between blocks. */
export const BETWEEN_BLOCKS = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix']);

/** Flow-level events cut into top-level blocks (the tokens between blocks are blocks of their own). */
export function topLevelBlocks(events: Event[]): Event[][] {
  const blocks: Event[][] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < events.length; index++) {
    depth += events[index]![0] === 'enter' ? 1 : -1;
    if (depth === 0) {
      blocks.push(events.slice(start, index + 1));
      start = index + 1;
    }
  }
  return blocks;
}

export const isTable = (block: readonly Event[]): boolean => block[0]?.[1].type === 'table';

/**
 * A table's events cut between body rows: the head, then groups of rows, then the end. Each row's
 * cells are text of that row alone, so the groups expand independently. `inBody`: the events
 * start inside the body (a later piece of a table read in pieces).
 */
export function tableSlices(table: Event[], inBody = false): Event[][] {
  const slices: Event[][] = [];
  let start = 0;
  let rows = 0;
  for (let index = 0; index < table.length; index++) {
    const [kind, token] = table[index]!;
    if (token.type === 'tableBody') {
      inBody = kind === 'enter';
      if (kind === 'enter') {
        slices.push(table.slice(start, index + 1));
        start = index + 1;
      } else {
        slices.push(table.slice(start, index));
        start = index;
      }
    } else if (inBody && kind === 'exit' && token.type === 'tableRow' && ++rows % ROWS_PER_SLICE === 0) {
      slices.push(table.slice(start, index + 1));
      start = index + 1;
    }
  }
  slices.push(table.slice(start));
  return slices.filter((slice) => slice.length > 0);
}

/**
 * Expands every level of nesting (content, then text) of a whole construct's events, in place
 * (`source`: the document the events point into). Before each of micromark's passes, one-line
 * text that is plain but for inline links is written without it (`writePlainChunks`).
 */
export function expand(events: Event[], source: string): Event[] {
  for (;;) {
    writePlainChunks(events, source);
    // Each pass expands one more level of nesting.
    if (subtokenize(events)) return events;
  }
}

/** A top-level block expanded a slice at a time (a table 32 rows at a time), each when it is asked for. */
export function* expandedSlices(block: Event[], source: string): Generator<Event[]> {
  if (!isTable(block)) {
    yield expand(block, source);
    return;
  }
  for (const slice of tableSlices(block)) yield expand(slice, source);
}
