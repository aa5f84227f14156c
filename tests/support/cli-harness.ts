import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

const root = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY = false, readonly columns?: number) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface RunCliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The CLI's clock (`CliIo.now`). */
  now?: () => Date;
  /** Which captured streams claim to be a terminal (80 columns), as a user's shell would. */
  tty?: { stdout?: boolean; stderr?: boolean };
}

/** Runs `main` in-process with captured output (fast; for most CLI tests). */
export async function runCli(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  const stdout = new Capture(options.tty?.stdout, options.tty?.stdout ? 80 : undefined);
  const stderr = new Capture(options.tty?.stderr, options.tty?.stderr ? 80 : undefined);
  const code = await main(args, { stdout, stderr, env: options.env ?? {}, cwd: options.cwd ?? root, ...(options.now && { now: options.now }) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the CLI in a child process: real exit code, real streams, real environment. */
export function spawnCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/run-cli.ts'), ...args], {
      cwd: options.cwd ?? root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
