import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LinkmedicError } from '../errors.js';
import type { CliIo } from './cli-io.js';

/** Prints the rendered report, or writes it to `--output FILE` (folders created) and says where on stderr. */
export async function writeOutput(io: CliIo, text: string, output?: string): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, output);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new LinkmedicError('USAGE', `cannot write ${output}: ${reason}`, 'pass --output a path in a writable folder', { cause: error });
  }
  io.stderr.write(`linkmedic: wrote ${output} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)\n`);
}
