import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { EventWriter } from './event-writer.js';

/**
 * Text that no inline construct can start in: no escapes, code, emphasis, strikethrough, brackets,
 * HTML, character references or email addresses. ASCII control characters and tabs stay with
 * micromark too. (A `!` is text unless a link follows it: see `writePlainInline`.)
 */
const PLAIN = /^[^\\`*_~[\]<&@\u0000-\u001f\u007f]+$/;
/** Where GFM's bare URLs begin (micromark looks for them in text, not in link destinations). */
const BARE_URL_START = /(?:https?|mailto|xmpp):|www\./i;
/** A link destination with nothing to decode or balance: no spaces, parentheses, escapes or references. */
const DESTINATION = /^[^\s()<>\\&[\]`|\u0000-\u001f\u007f]+$/;
/**
 * The pieces of a line: an inline link (its label may be one bracketed word, as catalogs write
 * `[[Paper]](url)`), a bare http(s) URL between spaces whose end no GFM rule trims, or a run of
 * text up to the next bracket or such URL.
 */
const LINK = /\[(\[)?([^[\]]*)(\])?\]\(([^()]*)\)/y;
const BARE_URL = /https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[\w\-.~%/?=#:+,;]*[A-Za-z0-9/])?(?= |$)/y;
const RUN = /[^[\]*`]+?(?=\[|\*|`|$|(?<= )https?:\/\/)/y;
/**
 * A code span of single backticks whose text neither starts nor ends with a space (else micromark
 * strips padding) and holds no control character: everything in it is literal.
 */
const CODE = /`([^`\s\u0000-\u001f\u007f](?:[^`\u0000-\u001f\u007f]*[^`\s\u0000-\u001f\u007f])?)`(?!`)/y;
/** `*text*` or `**text**` between spaces: emphasis or strong whatever the flanking rules ask. */
const EMPHASIS = /(\*\*?)([^*]+?)\1(?= |$)/y;

/** Text micromark would give one `data` token, whatever it is next to. */
const isPlainText = (text: string): boolean => PLAIN.test(text) && !BARE_URL_START.test(text) && text.trim() === text;

/**
 * Writes micromark's expanded events for the text `source[from, to)` (one line, no leading or
 * trailing whitespace) when it is runs of plain text (`isPlainText`), inline links whose label is
 * plain text (or one bracketed plain word that names no definition) and whose destination needs
 * no decoding, bare http(s) URLs, `*emphasized*` or `**strong**` plain text between spaces and
 * code spans of single backticks;
 * returns false, writing nothing, for anything else. Each run is one `data` token: micromark tries
 * its constructs at some of the characters (bare URLs and emails at letters) and gives back data,
 * which it merges.
 */
export function writePlainInline(out: EventWriter, source: string, from: number, to: number): boolean {
  const text = source.slice(from, to);
  if (text === '' || text.trim() !== text) return false;
  const write: Array<() => void> = [];
  for (let at = 0; at < text.length; ) {
    const start = from + at;
    const sticky = (pattern: RegExp): RegExpExecArray | null => {
      pattern.lastIndex = at;
      return pattern.exec(text);
    };
    if (text.charCodeAt(at) === 91) {
      const link = sticky(LINK);
      if (!link) return false;
      const [whole, open, label = '', close, destination = ''] = link;
      // `![label](url)` is an image; a bracketed word that names a definition is a reference.
      if ((open === undefined) !== (close === undefined) || !isPlainText(label) || !DESTINATION.test(destination) || text.charCodeAt(at - 1) === 33) return false;
      if (open && (out.defined?.includes(normalizeIdentifier(label)) ?? true)) return false;
      write.push(() => writeLink(out, start, start + whole.length, label.length, open !== undefined));
      at += whole.length;
    } else if (text.charCodeAt(at) === 96) {
      const code = sticky(CODE);
      if (!code) return false;
      const length = code[0].length;
      write.push(() => {
        const span = out.open('codeText', start, start + length);
        out.leaf('codeTextSequence', start, start + 1);
        out.leaf('codeTextData', start + 1, start + length - 1);
        out.leaf('codeTextSequence', start + length - 1, start + length);
        out.close(span);
      });
      at += length;
    } else if (text.charCodeAt(at) === 42) {
      const emphasis = at === 0 || text.charCodeAt(at - 1) === 32 ? sticky(EMPHASIS) : null;
      if (!emphasis || !isPlainText(emphasis[2]!)) return false;
      const [whole, marker = '', inner = ''] = emphasis;
      write.push(() => writeEmphasis(out, start, marker.length, inner.length));
      at += whole.length;
    } else if ((at === 0 || text.charCodeAt(at - 1) === 32) && text.startsWith('http', at) && sticky(BARE_URL)) {
      const length = BARE_URL.lastIndex - at;
      write.push(() => {
        const autolink = out.open('literalAutolink', start, start + length);
        out.leaf('literalAutolinkHttp', start, start + length);
        out.close(autolink);
      });
      at += length;
    } else {
      const run = sticky(RUN);
      if (!run || !PLAIN.test(run[0]) || BARE_URL_START.test(run[0])) return false;
      write.push(() => out.leaf('data', start, start + run[0].length));
      at += run[0].length;
    }
  }
  for (const piece of write) piece();
  return true;
}

/** `*text*` (emphasis) or `**text**` (strong) at `from`, its text `length` long. */
function writeEmphasis(out: EventWriter, from: number, marker: number, length: number): void {
  const [outer, sequence, inner] = marker === 1 ? (['emphasis', 'emphasisSequence', 'emphasisText'] as const) : (['strong', 'strongSequence', 'strongText'] as const);
  const textStart = from + marker;
  const textEnd = textStart + length;
  const token = out.open(outer, from, textEnd + marker);
  out.leaf(sequence, from, textStart);
  const text = out.open(inner, textStart, textEnd);
  out.leaf('data', textStart, textEnd);
  out.close(text);
  out.leaf(sequence, textEnd, textEnd + marker);
  out.close(token);
}

/**
 * An inline link `[label](destination)` at `source[from, to)`; `bracketed`: `[[label]](…)`, whose
 * inner brackets stay text (micromark leaves the opening one a token of its own).
 */
function writeLink(out: EventWriter, from: number, to: number, labelLength: number, bracketed: boolean): void {
  const labelEnd = from + 1 + labelLength + (bracketed ? 2 : 0);
  const link = out.open('link', from, to);
  const label = out.open('label', from, labelEnd + 1);
  out.leaf('labelMarker', from, from + 1);
  const labelText = out.open('labelText', from + 1, labelEnd);
  if (bracketed) out.leaf('data', from + 1, from + 2);
  out.leaf('data', from + (bracketed ? 2 : 1), labelEnd);
  out.close(labelText);
  out.leaf('labelMarker', labelEnd, labelEnd + 1);
  out.close(label);
  const resource = out.open('resource', labelEnd + 1, to);
  out.leaf('resourceMarker', labelEnd + 1, labelEnd + 2);
  const destination = out.open('resourceDestination', labelEnd + 2, to - 1);
  const raw = out.open('resourceDestinationRaw', labelEnd + 2, to - 1);
  const string = out.open('resourceDestinationString', labelEnd + 2, to - 1);
  out.leaf('data', labelEnd + 2, to - 1);
  out.close(string);
  out.close(raw);
  out.close(destination);
  out.leaf('resourceMarker', to - 1, to);
  out.close(resource);
  out.close(link);
}
