import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

/** An `href`/`src` attribute found in raw HTML, with the value's offsets in the parsed string. */
export interface HtmlLink {
  tag: string;
  attribute: 'href' | 'src';
  /** The attribute value as a browser reads it (character references decoded). */
  value: string;
  start: number;
  end: number;
  /** The element's text content, for display. */
  text: string;
}

/**
 * Tags GitHub's tagfilter extension disarms by escaping their `<`. Content after such a tag is not
 * raw text for the browser, so links written there are live; we mirror that before parsing.
 */
const FILTERED_TAG = /<(?=\/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)(?:[\s/>]|$))/gi;

const LINK_ATTRIBUTES = ['href', 'src'] as const;

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;

function textContent(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map((child) => textContent(child)).join('');
}

/** Offsets of an attribute's value inside its `name = "value"` source text. */
function valueOffsets(html: string, start: number, end: number): [number, number] {
  let index = html.indexOf('=', start);
  if (index < 0 || index >= end) return [end, end];
  index++;
  while (index < end && /\s/.test(html[index]!)) index++;
  const quote = html[index];
  if (quote === '"' || quote === "'") return [index + 1, Math.max(index + 1, end - 1)];
  return [index, end];
}

/**
 * Every `href` and `src` attribute of every element in a raw HTML fragment, parsed the way a
 * browser parses it (parse5 implements the WHATWG algorithm), with tagfilter applied as GitHub does.
 */
export function htmlLinks(html: string): HtmlLink[] {
  // Same-length replacement keeps every offset valid.
  const filtered = html.replace(FILTERED_TAG, '_');
  const fragment = parseFragment(filtered, { sourceCodeLocationInfo: true });
  const links: HtmlLink[] = [];
  const visit = (node: Node): void => {
    if ('attrs' in node && node.sourceCodeLocation) {
      const locations = node.sourceCodeLocation.attrs ?? {};
      for (const attribute of LINK_ATTRIBUTES) {
        const attr = node.attrs.find((candidate) => candidate.name === attribute);
        const location = locations[attribute];
        if (!attr || !location) continue;
        const [start, end] = valueOffsets(filtered, location.startOffset, location.endOffset);
        links.push({ tag: node.tagName, attribute, value: attr.value, start, end, text: textContent(node).trim() });
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if (node.nodeName === 'template') visit((node as DefaultTreeAdapterTypes.Template).content);
  };
  visit(fragment);
  return links;
}
