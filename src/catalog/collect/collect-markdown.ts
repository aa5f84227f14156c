import { parseMarkdown } from '../parse-markdown.js';
import { collectHeadings } from './collect-headings.js';
import { collectLinks } from './collect-links.js';
import { collectListItems } from './collect-list-items.js';
import { collectTables } from './collect-tables.js';
import type { MarkdownModel } from './markdown-model.js';

/** One pass over micromark's token stream, feeding every collector each event in order. */
export function collectMarkdown(source: string): MarkdownModel {
  const events = parseMarkdown(source);
  const model: MarkdownModel = { links: [], definitions: [], headings: [], tables: [], listItems: [] };
  const context = { source, events };
  const collectors = [
    collectLinks(context, model.links, model.definitions),
    collectHeadings(context, model.headings),
    collectTables(context, model.tables),
    collectListItems(context, model.listItems),
  ];
  events.forEach(([kind, token], index) => {
    for (const collector of collectors) collector.onEvent(kind, token, index);
  });
  return model;
}
