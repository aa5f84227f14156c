import { extractMarkdownInParallel } from './extract-markdown-in-parallel.js';
import type { Extraction } from './extract-markdown.js';
import { readMarkdownFiles } from './read-markdown-files.js';

/** Stage 1 for the command line: read the inputs (or the bundled catalog) and extract each (a big one on several cores). */
export async function extractFiles(inputs: readonly string[], cwd?: string): Promise<Extraction[]> {
  const files = await readMarkdownFiles(inputs, cwd);
  const extractions: Extraction[] = [];
  // One file at a time: a big file already takes every core.
  for (const { text, file } of files) extractions.push(await extractMarkdownInParallel(text, file));
  return extractions;
}
