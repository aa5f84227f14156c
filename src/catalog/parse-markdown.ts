import { parse, postprocess, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Event } from 'micromark-util-types';

/**
 * micromark's concrete token stream for a document, with exactly the GFM extensions GitHub's
 * renderer enables for README files (cmark-gfm `-e autolink -e table -e strikethrough -e tagfilter`).
 * Footnotes and task lists are left out on purpose: with them on, `[^x]` and `[ ]` would parse
 * differently from what GitHub shows for a catalog.
 */
export function parseMarkdown(text: string): Event[] {
  const parser = parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] });
  return postprocess(parser.document().write(preprocess()(text, undefined, true)));
}
