import { extractMarkdown, type Extraction } from './extract-markdown.js';
import { readMarkdownFiles } from './read-markdown-files.js';

/** Stage 1 for the command line: read the inputs (or the bundled catalog) and extract each. */
export async function extractFiles(inputs: readonly string[], cwd?: string): Promise<Extraction[]> {
  const files = await readMarkdownFiles(inputs, cwd);
  return files.map(({ text, file }) => extractMarkdown(text, file));
}
