import { collectMarkdown } from './collect/collect-markdown.js';
import type { Definition, RawLink } from './collect/markdown-model.js';
import { LineIndex } from './line-index.js';
import type { LintFinding } from './lint-finding.js';
import { lintCatalog } from './lint/lint-catalog.js';
import type { LinkOccurrence, SourceSpan } from './link-occurrence.js';
import { ContextLocator } from './locate-context.js';

/** Stage 1 output for one file: every link a reader sees, and what is wrong with how they are written. */
export interface Extraction {
  file: string;
  occurrences: LinkOccurrence[];
  findings: LintFinding[];
}

/** Links in cells past the header's cell count, which GFM drops from the rendered table. */
export interface DroppedLink {
  link: RawLink;
  line: number;
}

function firstDefinitions(definitions: readonly Definition[]): Map<string, Definition> {
  const byId = new Map<string, Definition>();
  // CommonMark: when a label is defined twice, the first definition wins.
  for (const definition of definitions) if (!byId.has(definition.id)) byId.set(definition.id, definition);
  return byId;
}

function shiftSpans(occurrences: LinkOccurrence[], findings: LintFinding[], by: number): void {
  const shift = (span: SourceSpan): SourceSpan => ({ start: span.start + by, end: span.end + by });
  for (const occurrence of occurrences) {
    occurrence.span = shift(occurrence.span);
    if (occurrence.usedAt) occurrence.usedAt = { ...occurrence.usedAt, offset: occurrence.usedAt.offset + by };
  }
  // Findings reference the same occurrence objects, so only their own fix spans need moving.
  for (const finding of findings) if (finding.fix) finding.fix = { ...finding.fix, span: shift(finding.fix.span) };
}

/**
 * Extracts every link of a markdown document exactly as GitHub renders it, with its position and
 * catalog context, and lints how the catalog is written.
 */
export function extractMarkdown(text: string, file: string): Extraction {
  // The parser drops a byte order mark, so offsets are relative to the text after it; spans are
  // shifted back at the end so fixes rewrite the right characters of the file.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const source = bom ? text.slice(bom) : text;
  const model = collectMarkdown(source);
  const lines = new LineIndex(source);
  const locator = new ContextLocator(model);
  const definitions = firstDefinitions(model.definitions);
  const usedDefinitions = new Set<Definition>();
  const dropped: DroppedLink[] = [];
  const occurrences: LinkOccurrence[] = [];

  for (const link of model.links) {
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
    occurrences.push({
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

  const unused = [...definitions.values()].filter((definition) => !usedDefinitions.has(definition));
  const findings = lintCatalog({ file, source, lines, locator, model, occurrences, dropped, unused });
  if (bom) shiftSpans(occurrences, findings, bom);
  return { file, occurrences, findings };
}
