import { parse, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Event } from 'micromark-util-types';

/** Table body rows expanded at once; a 10,000-row catalog table would otherwise hold ~250 MB of tokens. */
const ROWS_PER_SLICE = 256;

function topLevelBlocks(events: Event[]): Event[][] {
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

/**
 * A top-level table's events cut between body rows: the head, then groups of rows, then the end.
 * Each row's cells are text of that row alone, so the groups expand independently.
 */
function tableSlices(table: Event[]): Event[][] {
  const slices: Event[][] = [];
  let start = 0;
  let rows = 0;
  let inBody = false;
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

const isTable = (block: Event[]): boolean => block[0]?.[1].type === 'table';

function expand(events: Event[]): Event[] {
  while (!subtokenize(events)) {
    // Each pass expands one more level of nesting (content, then text).
  }
  return events;
}

/**
 * micromark's concrete token stream for a document, in slices of whole constructs, with exactly
 * the GFM extensions GitHub's renderer enables for README files (cmark-gfm `-e autolink -e table
 * -e strikethrough -e tagfilter`). Footnotes and task lists are left out on purpose: with them
 * on, `[^x]` and `[ ]` would parse differently from what GitHub shows for a catalog.
 *
 * micromark's own `postprocess` expands nested content by splicing into one array for the whole
 * document, which grows quadratically (a 10 MB file took minutes) and holds every token at once.
 * Expanding each top-level block on its own (and a big table a few hundred rows at a time) yields
 * the same events, in the same order (checked against the whole-document result over the test
 * corpus): first the flow level for the whole document, then every other block's content level
 * (so a reference may come before its definition, as CommonMark allows), then each slice's text.
 * No construct spans two slices, so a consumer may forget a slice once it has read it.
 */
export function* parseMarkdownSlices(text: string): Generator<Event[]> {
  const parser = parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] });
  const events = parser.document().write(preprocess()(text, undefined, true));
  subtokenize(events);
  const blocks = topLevelBlocks(events);
  events.length = 0;
  for (const block of blocks) if (!isTable(block)) subtokenize(block);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    blocks[index] = [];
    if (isTable(block)) for (const slice of tableSlices(block)) yield expand(slice);
    else yield expand(block);
  }
}
