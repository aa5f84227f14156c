import type { Event } from 'micromark-util-types';
import { parseMarkdownSlices } from '../parse-markdown.js';
import { collectDefinitions } from './collect-definitions.js';
import { collectHeadings } from './collect-headings.js';
import { collectLinks } from './collect-links.js';
import { collectListItems } from './collect-list-items.js';
import { collectTables } from './collect-tables.js';
import type { Collector, MarkdownModel } from './markdown-model.js';

function feed(collectors: readonly Collector[], events: readonly Event[]): void {
  for (let index = 0; index < events.length; index++) {
    const [kind, token] = events[index]!;
    for (const collector of collectors) collector.onEvent(kind, token, index, events);
  }
}

/**
 * One pass over micromark's token stream, feeding every collector each event in order. Yields the
 * model after each slice: what a slice adds is complete (no link, cell or list item spans two
 * slices), and every definition is known before the first slice.
 */
export function* collectMarkdown(source: string): Generator<MarkdownModel, MarkdownModel> {
  const model: MarkdownModel = { links: [], definitions: [], headings: [], tables: [], listItems: [] };
  const definitions = [collectDefinitions(source, model.definitions)];
  const collectors = [
    collectLinks(source, model.links),
    collectHeadings(source, model.headings),
    collectTables(source, model.tables),
    collectListItems(source, model.listItems),
  ];
  const beforeText = (blocks: readonly Event[][]): void => {
    for (const block of blocks) feed(definitions, block);
  };
  for (const events of parseMarkdownSlices(source, { beforeText })) {
    feed(collectors, events);
    yield model;
  }
  return model;
}
