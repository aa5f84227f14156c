import type { Event } from 'micromark-util-types';
import { parseMarkdownSlices } from '../parse-markdown.js';
import { collectDefinitions } from './collect-definitions.js';
import { collectHeadings } from './collect-headings.js';
import { collectLinks } from './collect-links.js';
import { collectListItems } from './collect-list-items.js';
import { collectTables } from './collect-tables.js';
import type { Collector, MarkdownModel } from './markdown-model.js';

/** Feeds each event to the collectors that read its token type (most events, `data`, go to none). */
function feeder(collectors: readonly Collector[]): (events: readonly Event[]) => void {
  const byType = new Map<string, Collector[]>();
  for (const collector of collectors) for (const type of collector.types) byType.set(type, [...(byType.get(type) ?? []), collector]);
  return (events) => {
    for (let index = 0; index < events.length; index++) {
      const [kind, token] = events[index]!;
      const readers = byType.get(token.type);
      if (readers) for (const reader of readers) reader.onEvent(kind, token, index, events);
    }
  };
}

/**
 * One pass over micromark's token stream, feeding every collector each event in order, into
 * `model`. Yields after each slice: what a slice adds is complete (no link, cell or list item spans
 * two slices), and every definition is in the model before the first slice.
 */
export function* collectMarkdown(source: string, model: MarkdownModel): Generator<void> {
  const feedDefinitions = feeder([collectDefinitions(source, model.definitions)]);
  const feed = feeder([
    collectLinks(source, model.links),
    collectHeadings(source, model.headings),
    collectTables(source, model.tables),
    collectListItems(source, model.listItems),
  ]);
  for (const slice of parseMarkdownSlices(source, { beforeText: (blocks) => blocks.forEach(feedDefinitions) })) {
    feed(slice);
    yield;
  }
}
