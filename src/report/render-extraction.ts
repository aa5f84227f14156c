import type { Extraction } from '../catalog/extract-markdown.js';

/** The JSON document of `linkmedic extract --json` (documented in the README; keep it stable). */
export interface ExtractionDocument {
  schemaVersion: 1;
  summary: { files: number; occurrences: number; distinctUrls: number; findings: number };
  files: Extraction[];
}

export function extractionDocument(extractions: readonly Extraction[]): ExtractionDocument {
  const occurrences = extractions.flatMap((extraction) => extraction.occurrences);
  return {
    schemaVersion: 1,
    summary: {
      files: extractions.length,
      occurrences: occurrences.length,
      distinctUrls: new Set(occurrences.map((occurrence) => occurrence.url)).size,
      findings: extractions.reduce((sum, extraction) => sum + extraction.findings.length, 0),
    },
    files: [...extractions],
  };
}

/** Plain text: one line per link, then one line per finding, then a summary. */
export function renderExtractionText(extractions: readonly Extraction[]): string {
  const lines: string[] = [];
  for (const { occurrences, findings } of extractions) {
    for (const occurrence of occurrences) {
      const where = [occurrence.entry, occurrence.section.at(-1)].filter(Boolean).join(' · ');
      lines.push(`${occurrence.file}:${occurrence.line}:${occurrence.column}  ${occurrence.kind.padEnd(9)} ${occurrence.url}${where ? `  (${where})` : ''}`);
    }
    if (findings.length > 0) lines.push('');
    for (const finding of findings) {
      lines.push(`${finding.file}:${finding.line}:${finding.column}  ${finding.code}: ${finding.message}`);
    }
  }
  const { summary } = extractionDocument(extractions);
  lines.push(
    '',
    `${summary.occurrences} links (${summary.distinctUrls} distinct) in ${summary.files} file${summary.files === 1 ? '' : 's'}, ` +
      `${summary.findings} finding${summary.findings === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}
