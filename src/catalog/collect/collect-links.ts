import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Token } from 'micromark-util-types';
import { htmlLinks } from '../html-links.js';
import { hrefFromDestination, hrefFromLiteral } from '../normalize-href.js';
import { plainText } from '../plain-text.js';
import type { Event } from 'micromark-util-types';
import { sliceOf, spanOf, type Collector, type RawLink } from './markdown-model.js';

interface OpenMedia {
  image: boolean;
  start: number;
  labelTextEnter: number;
  label: string;
  labelId: string;
  hasResource: boolean;
  destination?: Token;
  referenceId?: string;
}

/** Raw HTML pieces (data and line endings) with where each starts in the source. */
interface HtmlPiece {
  text: string;
  sourceStart: number;
}

const LITERAL_PREFIX: Record<string, string> = {
  literalAutolinkHttp: '',
  literalAutolinkWww: 'http://',
  literalAutolinkEmail: 'mailto:',
};

function mapHtmlOffset(pieces: readonly HtmlPiece[], offset: number): number {
  let consumed = 0;
  for (const piece of pieces) {
    if (offset <= consumed + piece.text.length) return piece.sourceStart + offset - consumed;
    consumed += piece.text.length;
  }
  const last = pieces.at(-1);
  return last ? last.sourceStart + last.text.length : 0;
}

/**
 * Every link a renderer emits an `href`/`src` for: inline and reference links and images,
 * `<autolinks>`, GFM bare URLs and attributes of raw HTML. Anything inside an image's alt text is
 * left out, because renderers flatten alt text to plain text.
 */
export function collectLinks(source: string, links: RawLink[]): Collector {
  let events: readonly Event[] = [];
  const media: OpenMedia[] = [];
  let html: HtmlPiece[] | undefined;
  /** An inline `<a href>` whose text is the markdown up to its `</a>`, not part of the tag itself. */
  let openAnchor: { link: RawLink; after: number } | undefined;
  const insideImage = (): boolean => media.some((open) => open.image);

  const addLiteral = (kind: RawLink['kind'], token: Token, prefix: string): void => {
    if (insideImage()) return;
    const raw = sliceOf(source, token);
    links.push({ kind, url: hrefFromLiteral(raw, prefix), text: raw, span: spanOf(token), anchor: token.start.offset });
  };

  const closeMedia = (open: OpenMedia): void => {
    if (insideImage()) return;
    const kind = open.image ? 'image' : open.hasResource ? 'inline' : 'reference';
    const { label: text, start: anchor, destination } = open;
    if (open.hasResource) {
      const url = destination ? hrefFromDestination(sliceOf(source, destination)) : '';
      links.push({ kind, text, anchor, url, span: destination ? spanOf(destination) : { start: anchor, end: anchor } });
    } else {
      links.push({ kind, text, anchor, url: '', span: { start: anchor, end: anchor }, referenceId: normalizeIdentifier(open.referenceId ?? open.labelId) });
    }
  };

  const closeHtml = (pieces: HtmlPiece[], token: Token, index: number): void => {
    if (insideImage()) return;
    const tag = pieces.map((piece) => piece.text).join('');
    if (openAnchor && /^<\/a\s*>$/i.test(tag)) {
      openAnchor.link.text = plainText(events, openAnchor.after, index, source) || openAnchor.link.text;
      openAnchor = undefined;
    }
    for (const found of htmlLinks(tag)) {
      const start = mapHtmlOffset(pieces, found.start);
      const link: RawLink = {
        kind: 'html',
        url: found.value,
        text: found.text || found.value,
        span: { start, end: mapHtmlOffset(pieces, found.end) },
        anchor: start,
        html: { tag: found.tag, attribute: found.attribute },
      };
      links.push(link);
      if (token.type === 'htmlText' && found.tag === 'a' && !found.text) openAnchor = { link, after: index + 1 };
    }
  };

  return {
    types: [
      'link', 'image', 'labelText', 'resource', 'resourceDestinationString', 'referenceString', ...Object.keys(LITERAL_PREFIX),
      'autolinkProtocol', 'autolinkEmail', 'htmlFlow', 'htmlText', 'htmlFlowData', 'htmlTextData', 'lineEnding',
    ],
    onEvent(kind, token, index, blockEvents) {
      if (blockEvents !== events) {
        // An `<a href>` left open in one block does not take its text from the next.
        events = blockEvents;
        openAnchor = undefined;
      }
      const { type } = token;
      const open = media.at(-1);
      if (type === 'link' || type === 'image') {
        if (kind === 'enter') {
          media.push({ image: type === 'image', start: token.start.offset, labelTextEnter: -1, label: '', labelId: '', hasResource: false });
        } else closeMedia(media.pop()!);
      } else if (type === 'labelText' && open) {
        if (kind === 'enter') open.labelTextEnter = index;
        else {
          open.label = plainText(events, open.labelTextEnter, index, source);
          open.labelId = sliceOf(source, token);
        }
      } else if (type === 'resource' && kind === 'enter' && open) open.hasResource = true;
      else if (type === 'resourceDestinationString' && kind === 'exit' && open) open.destination = token;
      else if (type === 'referenceString' && kind === 'exit' && open) open.referenceId = sliceOf(source, token);
      else if (kind === 'exit' && type in LITERAL_PREFIX) addLiteral('bare', token, LITERAL_PREFIX[type]!);
      else if (kind === 'exit' && type === 'autolinkProtocol') addLiteral('autolink', token, '');
      else if (kind === 'exit' && type === 'autolinkEmail') addLiteral('autolink', token, 'mailto:');
      else if (type === 'htmlFlow' || type === 'htmlText') {
        if (kind === 'enter') html = [];
        else if (html) {
          closeHtml(html, token, index);
          html = undefined;
        }
      } else if (html && kind === 'exit' && (type === 'htmlFlowData' || type === 'htmlTextData' || type === 'lineEnding')) {
        html.push({ text: sliceOf(source, token), sourceStart: token.start.offset });
      }
    },
  };
}
