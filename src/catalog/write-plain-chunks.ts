import type { Event } from 'micromark-util-types';
import { EventWriter } from './event-writer.js';
import { writePlainInline } from './write-plain-inline.js';

/**
 * Replaces, in place, each one-line `chunkText` of `events` (text micromark has not tokenized yet)
 * that `writePlainInline` can write with those events: what micromark's next expansion pass would
 * put there. Paragraphs, list items, headings and table cells of catalogs are mostly such text.
 */
export function writePlainChunks(events: Event[], source: string): void {
  let written: Event[] | undefined;
  for (let index = 0; index < events.length; index++) {
    const [kind, token, context] = events[index]!;
    if (kind === 'enter' && token.type === 'chunkText' && token.contentType === 'text' && !token.previous && !token.next && events[index + 1]?.[1] === token) {
      const out = new EventWriter(token.start.line, token.start.offset - token.start.column + 1, context);
      if (writePlainInline(out, source, token.start.offset, token.end.offset)) {
        written ??= events.slice(0, index);
        for (const event of out.events) written.push(event);
        index++;
        continue;
      }
    }
    written?.push(events[index]!);
  }
  if (written) {
    events.length = 0;
    for (const event of written) events.push(event);
  }
}
