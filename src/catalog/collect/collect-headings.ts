import { plainText } from '../plain-text.js';
import { sliceOf, type Collector, type Heading } from './markdown-model.js';

/** ATX (`## x`) and setext (`x\n---`) headings with their depth and visible text. */
export function collectHeadings(source: string, headings: Heading[]): Collector {
  let textEnter = -1;
  let depth = 0;
  let start = 0;
  let text = '';
  return {
    types: ['atxHeading', 'setextHeading', 'atxHeadingSequence', 'setextHeadingLineSequence', 'atxHeadingText', 'setextHeadingText'],
    onEvent(kind, token, index, events) {
      const { type } = token;
      if (kind === 'enter' && (type === 'atxHeading' || type === 'setextHeading')) {
        start = token.start.offset;
        depth = 0;
        text = '';
      } else if (kind === 'exit' && type === 'atxHeadingSequence' && depth === 0) {
        depth = sliceOf(source, token).length;
      } else if (kind === 'exit' && type === 'setextHeadingLineSequence') {
        depth = sliceOf(source, token).startsWith('=') ? 1 : 2;
      } else if (type === 'atxHeadingText' || type === 'setextHeadingText') {
        if (kind === 'enter') textEnter = index;
        else text = plainText(events, textEnter, index, source);
      } else if (kind === 'exit' && (type === 'atxHeading' || type === 'setextHeading')) {
        headings.push({ depth, text, offset: start });
      }
    },
  };
}
