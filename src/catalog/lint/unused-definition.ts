import type { LintRule } from './lint-input.js';

/** `[label]: url` lines no reference uses: invisible to readers, so they are reported, not checked. */
export const unusedDefinition: LintRule = ({ file, unused, lines }) =>
  unused.map((definition) => ({
    code: 'unused_definition' as const,
    message: `definition [${definition.label}] (${definition.url}) is not used by any link`,
    file,
    ...lines.position(definition.span.start),
  }));
