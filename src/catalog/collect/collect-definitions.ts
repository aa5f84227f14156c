import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { hrefFromDestination } from '../normalize-href.js';
import { sliceOf, spanOf, type Collector, type Definition } from './markdown-model.js';

/**
 * `[label]: url` link reference definitions, in source order. Definitions are whole at the flow
 * level, so this runs over the blocks the parser reads before any text, and references anywhere in
 * the document can be resolved as soon as they are found.
 */
export function collectDefinitions(source: string, definitions: Definition[]): Collector {
  let definition: Partial<Definition> | undefined;
  return {
    types: ['definition', 'definitionLabelString', 'definitionDestinationString', 'definitionDestination'],
    onEvent(kind, token) {
      const { type } = token;
      if (type === 'definition') {
        if (kind === 'enter') definition = { offset: token.start.offset };
        else if (definition?.id !== undefined && definition.span) {
          definitions.push({ url: '', label: '', ...definition } as Definition);
          definition = undefined;
        }
      } else if (definition && kind === 'exit' && type === 'definitionLabelString') {
        definition.label = sliceOf(source, token);
        definition.id = normalizeIdentifier(definition.label);
      } else if (definition && kind === 'exit' && type === 'definitionDestinationString') {
        definition.url = hrefFromDestination(sliceOf(source, token));
        definition.span = spanOf(token);
      } else if (definition && kind === 'exit' && type === 'definitionDestination' && !definition.span) {
        // `[x]: <>` has no destination string: an empty URL at the brackets.
        definition.url = '';
        definition.span = { start: token.start.offset + 1, end: token.start.offset + 1 };
      }
    },
  };
}
