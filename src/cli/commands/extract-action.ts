import { extractFiles } from '../../catalog/extract-files.js';
import { extractionDocument, renderExtractionText } from '../../report/render-extraction.js';
import type { CliIo } from '../cli-io.js';

/** What `linkmedic extract` does once its arguments are parsed (loaded only when it runs). */
export async function extractAction(io: CliIo, setExitCode: (code: number) => void, files: string[], options: { json?: boolean }): Promise<void> {
  const extractions = await extractFiles(files, io.cwd);
  io.stdout.write(options.json ? `${JSON.stringify(extractionDocument(extractions), null, 2)}\n` : renderExtractionText(extractions));
  setExitCode(0);
}
