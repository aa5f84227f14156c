import { collectMarkdown } from './collect/collect-markdown.js';
import type { Definition } from './collect/markdown-model.js';
import { LineIndex } from './line-index.js';
import type { DroppedLink, Extraction } from './extract-markdown.js';
import { lintCatalog } from './lint/lint-catalog.js';
import type { LinkOccurrence, SourceSpan } from './link-occurrence.js';
import { ContextLocator } from './locate-context.js';

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
 * `extractMarkdown`, a piece at a time: yields the occurrences of each stretch of the document as
 * soon as it is parsed (in document order, each once), so checking can start before the last line
 * is read, and returns the whole `Extraction` (the same occurrences, and the findings, which need
 * the whole document) when the generator is done. Every definition is read before the first batch,
 * so a reference used before its definition is yielded with its URL already resolved. A document
 * whose last definition is near its end therefore yields its first batch late.
 */
export function* extractMarkdownIncrementally(text: string, file: string): Generator<LinkOccurrence[], Extraction, undefined> {
  // The parser drops a byte order mark, so offsets are relative to the text after it; spans are
  // shifted back for the caller so fixes rewrite the right characters of the file.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const source = bom ? text.slice(bom) : text;
  const lines = new LineIndex(source);
  const slices = collectMarkdown(source);
  let step = slices.next();
  const model = step.value;
  const locator = new ContextLocator(model);
  const definitions = firstDefinitions(model.definitions);
  const usedDefinitions = new Set<Definition>();
  const dropped: DroppedLink[] = [];
  const occurrences: LinkOccurrence[] = [];

  for (let read = 0; ; step = slices.next()) {
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
      batch.push({
        url,
        kind: link.kind,
        text: link.text || url,
        file,
        ...lines.position(span.start),
        span,
        ...locator.context(link.anchor),
        ...reference,
        ...(link.html && { html: link.html }),
      });
    }
    read = model.links.length;
    occurrences.push(...batch);
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
