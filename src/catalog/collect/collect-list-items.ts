import { plainText } from '../plain-text.js';
import type { Event } from 'micromark-util-types';
import type { Collector, ListItem } from './markdown-model.js';

const LINKISH = new Set(['link', 'image', 'literalAutolink', 'autolink', 'htmlText']);
const TRAILING_SEPARATORS = /[\s:：\-–—|([,，]+$/u;
const MAX_LEAD = 120;

interface OpenList {
  items: ListItem[];
  /** The last item's first paragraph is still to be read (it gives the item's lead). */
  awaitingLead: boolean;
}

/** Index of the exit event matching the enter event at `enter`. */
function exitOf(events: readonly Event[], enter: number): number {
  const token = events[enter]![1];
  for (let index = enter + 1; index < events.length; index++) {
    const [kind, candidate] = events[index]!;
    if (kind === 'exit' && candidate === token) return index;
  }
  return events.length - 1;
}

/** What a reader calls the item: the text before its first link, else that link's text. */
function leadText(source: string, events: readonly Event[], from: number, to: number): string {
  let first = -1;
  for (let index = from; index <= to; index++) {
    const [kind, token] = events[index]!;
    if (kind === 'enter' && LINKISH.has(token.type)) {
      first = index;
      break;
    }
  }
  const before = plainText(events, from, first < 0 ? to : first - 1, source).replace(TRAILING_SEPARATORS, '');
  const lead = before || (first >= 0 ? plainText(events, first, exitOf(events, first), source) : '');
  return lead.length > MAX_LEAD ? `${lead.slice(0, MAX_LEAD - 1)}…` : lead;
}

/**
 * List items with their spans and leading text. micromark has no list-item token: an item starts
 * at each `listItemPrefix` of the innermost open list and ends where the next one starts.
 */
export function collectListItems(source: string, listItems: ListItem[]): Collector {
  const stack: OpenList[] = [];
  let paragraphEnter = -1;
  const closeLast = (list: OpenList, end: number): void => {
    const last = list.items.at(-1);
    if (last && last.end < 0) last.end = end;
  };
  return {
    types: ['listOrdered', 'listUnordered', 'listItemPrefix', 'paragraph'],
    onEvent(kind, token, index, events) {
      const { type } = token;
      const top = stack.at(-1);
      if (type === 'listOrdered' || type === 'listUnordered') {
        if (kind === 'enter') stack.push({ items: [], awaitingLead: false });
        else if (top) {
          closeLast(top, token.end.offset);
          for (const item of top.items) listItems.push(item); // a list may be too long to spread
          stack.pop();
        }
      } else if (type === 'listItemPrefix' && kind === 'enter' && top) {
        closeLast(top, token.start.offset);
        top.items.push({ start: token.start.offset, end: -1, lead: '' });
        top.awaitingLead = true;
      } else if (type === 'paragraph' && top?.awaitingLead) {
        if (kind === 'enter') paragraphEnter = index;
        else {
          top.items.at(-1)!.lead = leadText(source, events, paragraphEnter, index);
          top.awaitingLead = false;
        }
      }
    },
  };
}
