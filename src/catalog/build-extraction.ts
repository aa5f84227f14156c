import type { Definition, MarkdownModel } from './collect/markdown-model.js';
import { LineIndex } from './line-index.js';
import type { DroppedLink, Extraction } from './extract-markdown.js';
import { lintCatalog } from './lint/lint-catalog.js';
import type { LinkOccurrence, SourceSpan } from './link-occurrence.js';
import { ContextLocator } from './locate-context.js';
import { withoutBom } from './without-bom.js';

function firstDefinitions(definitions: readonly Definition[]): Map<string, Definition> {
  const byId = new Map<string, Definition>();
  // CommonMark: when a label is defined twice, the first definition wins.
  for (const definition of definitions) if (!byId.has(definition.id)) byId.set(definition.id, definition);
  return byId;
}

const shift = (span: SourceSpan, by: number): SourceSpan => ({ start: span.start + by, end: span.end + by });

function shifted(occurrence: LinkOccurrence, by: number): LinkOccurrence {
  const { span, usedAt } = occurrence;
  return { ...occurrence, span: shift(span, by), ...(usedAt && { usedAt: { ...usedAt, offset: usedAt.offset + by } }) };
}

/**
 * The occurrences of `model` as `progress` fills it (each step adds whole slices; the model holds
 * every definition once the first step is taken), then the extraction. Spans are shifted back past
 * a byte order mark for the caller, so fixes rewrite the right characters of the file.
 */
export function* buildExtraction(text: string, file: string, model: MarkdownModel, progress: Iterator<unknown>): Generator<LinkOccurrence[], Extraction, undefined> {
  const bom = text.length - withoutBom(text).length;
  const source = withoutBom(text);
  const lines = new LineIndex(source);
  let step = progress.next();
  const locator = new ContextLocator(model);
  const definitions = firstDefinitions(model.definitions);
  const usedDefinitions = new Set<Definition>();
  const dropped: DroppedLink[] = [];
  const occurrences: LinkOccurrence[] = [];

  for (let read = 0; ; step = progress.next()) {
    locator.update();
    const batch: LinkOccurrence[] = [];
    for (const link of model.links.slice(read)) {
      const cell = locator.tableCell(link.anchor);
      if (cell && cell.cellIndex >= cell.table.header.length) {
        dropped.push({ link, line: lines.lineOf(link.anchor) });
        continue;
      }
      let { url, span } = link;
      let reference: Pick<LinkOccurrence, 'definition' | 'usedAt'> = {};
      if (link.referenceId !== undefined) {
        const definition = definitions.get(link.referenceId);
        if (!definition) continue; // micromark only makes links of defined labels; defensive.
        usedDefinitions.add(definition);
        ({ url, span } = definition);
        reference = {
          definition: { label: definition.label, line: lines.lineOf(definition.offset) },
          usedAt: { ...lines.position(link.anchor), offset: link.anchor },
        };
      }
      // Built property by property, in the order the JSON output shows them: spreading four
      // objects into each of tens of thousands of occurrences was a tenth of a cold extraction.
      const { line, column } = lines.position(span.start);
      const { section, entry, tableColumn } = locator.context(link.anchor);
      const occurrence: LinkOccurrence = { url, kind: link.kind, text: link.text || url, file, line, column, span, section };
      if (entry !== undefined) occurrence.entry = entry;
      if (tableColumn !== undefined) occurrence.tableColumn = tableColumn;
      if (reference.definition) occurrence.definition = reference.definition;
      if (reference.usedAt) occurrence.usedAt = reference.usedAt;
      if (link.html) occurrence.html = link.html;
      batch.push(occurrence);
    }
    read = model.links.length;
    for (const occurrence of batch) occurrences.push(occurrence); // a batch may be too long to spread
    if (batch.length > 0) yield bom ? batch.map((occurrence) => shifted(occurrence, bom)) : batch;
    if (step.done) break;
  }

  const unused = [...definitions.values()].filter((definition) => !usedDefinitions.has(definition));
  const findings = lintCatalog({ file, source, lines, locator, model, occurrences, dropped, unused });
  if (!bom) return { file, occurrences, findings };
  // Findings reference the occurrences, so those are shifted in place now that the rules have run.
  for (const occurrence of occurrences) Object.assign(occurrence, shifted(occurrence, bom));
  for (const finding of findings) if (finding.fix) finding.fix = { ...finding.fix, span: shift(finding.fix.span, bom) };
  return { file, occurrences, findings };
}
