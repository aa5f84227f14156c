import { parse, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Event } from 'micromark-util-types';

/**
 * micromark's concrete token stream for a document, one top-level block at a time, with exactly
 * the GFM extensions GitHub's renderer enables for README files (cmark-gfm `-e autolink -e table
 * -e strikethrough -e tagfilter`). Footnotes and task lists are left out on purpose: with them
 * on, `[^x]` and `[ ]` would parse differently from what GitHub shows for a catalog.
 *
 * micromark's own `postprocess` expands nested content by splicing into one array for the whole
 * document, which grows quadratically (a 10 MB file took minutes). Expanding each top-level block
 * on its own yields the same events (checked against the whole-document result over the test
 * corpus): first the flow level for the whole document, then every block's definitions (so a
 * reference may come before its definition, as CommonMark allows), then each block's text.
 */
export function* parseMarkdownBlocks(text: string): Generator<Event[]> {
  const parser = parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] });
  const events = parser.document().write(preprocess()(text, undefined, true));
  subtokenize(events);
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
  events.length = 0;
  for (const block of blocks) subtokenize(block);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    while (!subtokenize(block)) {
      // Each pass expands one more level of nesting (content, then text).
    }
    // Let a block's events go once the caller is done with them: a 10 MB file has millions.
    blocks[index] = [];
    yield block;
  }
}
