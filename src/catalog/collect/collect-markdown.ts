import { parseMarkdownSlices } from '../parse-markdown.js';
import { collectHeadings } from './collect-headings.js';
import { collectLinks } from './collect-links.js';
import { collectListItems } from './collect-list-items.js';
import { collectTables } from './collect-tables.js';
import type { MarkdownModel } from './markdown-model.js';

/** One pass over micromark's token stream, feeding every collector each event in order. */
export function collectMarkdown(source: string): MarkdownModel {
  const model: MarkdownModel = { links: [], definitions: [], headings: [], tables: [], listItems: [] };
  const collectors = [
    collectLinks(source, model.links, model.definitions),
    collectHeadings(source, model.headings),
    collectTables(source, model.tables),
    collectListItems(source, model.listItems),
  ];
  // A slice holds whole constructs: no link, cell or list item spans two slices.
  for (const events of parseMarkdownSlices(source)) {
    events.forEach(([kind, token], index) => {
      for (const collector of collectors) collector.onEvent(kind, token, index, events);
    });
  }
  return model;
}
