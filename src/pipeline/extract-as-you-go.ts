import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { Extraction } from '../catalog/extract-markdown.js';
import { extractMarkdownIncrementally } from '../catalog/extract-markdown-incrementally.js';
import type { LinkOccurrence } from '../catalog/link-occurrence.js';
import type { MarkdownFile } from '../catalog/read-markdown-files.js';

/**
 * Extracts every file, telling `found` about each occurrence as soon as its block is parsed and
 * letting I/O run between blocks: the checker's first requests leave while the rest of the
 * catalog is still being read. Resolves to the same extractions as `extractMarkdown`.
 */
export async function extractAsYouGo(files: readonly MarkdownFile[], found: (occurrence: LinkOccurrence) => void): Promise<Extraction[]> {
  const extractions: Extraction[] = [];
  for (const { text, file } of files) {
    const steps = extractMarkdownIncrementally(text, file);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        extractions.push(step.value);
        break;
      }
      for (const occurrence of step.value) found(occurrence);
      await yieldToIo();
    }
  }
  return extractions;
}
