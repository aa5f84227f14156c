import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LinkmedicError } from '../errors.js';

/** Catalogs larger than this are refused: a markdown list this big is almost surely not one. */
export const MAX_MARKDOWN_BYTES = 10 * 1024 * 1024;

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.linkmedic']);

/** The catalog bundled with linkmedic: the default input of every command. */
export const BUNDLED_CATALOG = fileURLToPath(
  new URL('../../catalog/awesome-medical-healthcare-dataset-for-llm.md', import.meta.url),
);

export interface MarkdownFile {
  /** Path as shown to the user: relative to the working directory when inside it. */
  file: string;
  text: string;
}

/** The system refused to read an input (permissions, I/O): the user's to fix, not a crash. */
function unreadable(shown: string, error: unknown): LinkmedicError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new LinkmedicError('INPUT_UNREADABLE', `${shown} cannot be read (${reason})`, 'check that it is readable', { cause: error });
}

async function markdownIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: unknown) => {
    throw unreadable(directory, error);
  });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return SKIPPED_DIRECTORIES.has(entry.name) ? [] : markdownIn(full);
      return entry.isFile() && MARKDOWN_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) ? [full] : [];
    }),
  );
  return nested.flat().sort();
}

function decodeMarkdown(bytes: Buffer, shown: string): string {
  // NUL bytes never occur in text; invalid UTF-8 means an image, archive or other binary file.
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new LinkmedicError('INPUT_BINARY', `${shown} is a binary file, not markdown`, 'pass a .md file');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LinkmedicError('INPUT_BINARY', `${shown} is not UTF-8 text`, 'save the file as UTF-8 markdown');
  }
}

async function readOne(full: string, cwd: string): Promise<MarkdownFile> {
  const relative = path.relative(cwd, full);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? full : relative;
  const info = await stat(full);
  if (info.size > MAX_MARKDOWN_BYTES) {
    const mb = (info.size / 1024 / 1024).toFixed(1);
    throw new LinkmedicError('INPUT_TOO_LARGE', `${shown} is ${mb} MB; linkmedic reads markdown files up to 10 MB`);
  }
  const bytes = await readFile(full).catch((error: unknown) => {
    throw unreadable(shown, error);
  });
  return { file: shown, text: decodeMarkdown(bytes, shown) };
}

/**
 * Resolves the command line's inputs: files as given, directories searched for markdown, and the
 * bundled catalog when nothing is given. Every failure is a one-line `LinkmedicError`.
 */
export async function readMarkdownFiles(inputs: readonly string[], cwd = process.cwd()): Promise<MarkdownFile[]> {
  const paths = inputs.length > 0 ? inputs : [BUNDLED_CATALOG];
  const files: string[] = [];
  for (const input of paths) {
    const full = path.resolve(cwd, input);
    const info = await stat(full).catch(() => undefined);
    if (!info) throw new LinkmedicError('INPUT_NOT_FOUND', `${input}: no such file or directory`);
    if (info.isDirectory()) {
      const found = await markdownIn(full);
      if (found.length === 0) {
        throw new LinkmedicError('INPUT_NO_MARKDOWN', `${input} contains no markdown files`, 'pass a .md file or a folder with some');
      }
      files.push(...found);
    } else files.push(full);
  }
  return Promise.all([...new Set(files)].map((full) => readOne(full, cwd)));
}
