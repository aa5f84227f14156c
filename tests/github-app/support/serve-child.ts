import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../support/free-port.js';

const root = path.resolve(import.meta.dirname, '../../..');

export interface ServeChild {
  child: ChildProcess;
  port: number;
  /** Everything it wrote on stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** How the child runs linkmedic: from source (tsx), or the build a user runs (`bin/linkmedic.js`, the bundle). */
export type ServeFrom = 'source' | 'build';

/**
 * `linkmedic serve` in a child process, as `npm start` runs it; resolves once it has said where it
 * listens and `/ping` answers there.
 * With `PORT: '0'` the port is the one the server says it listens on.
 */
export async function serveChild(env: Record<string, string>, from: ServeFrom = 'source'): Promise<ServeChild> {
  const requested = env.PORT ?? String(await freePort());
  const entry = from === 'build' ? [path.join(root, 'bin/linkmedic.js')] : ['--import', 'tsx', path.join(root, 'tests/support/run-cli.ts')];
  const child = spawn(process.execPath, [...entry, 'serve'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', ...env, PORT: requested },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const started = Date.now();
  let port = Number(requested);
  for (;;) {
    if (port === 0) port = Number(/linkmedic: listening on 127\.0\.0\.1:(\d+)\//.exec(output)?.[1] ?? 0);
    // Its own line naming the port first: /ping may answer before that line reaches us (and a
    // check of the output right after start would then see nothing).
    const announced = output.includes(`listening on 127.0.0.1:${port}/`) || output.includes(`127.0.0.1:${port}/probot`);
    if (port !== 0 && announced && (await fetch(`http://127.0.0.1:${port}/ping`).then((r) => r.ok, () => false))) break;
    if (Date.now() - started > 30_000 || child.exitCode !== null) throw new Error(`serve did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    port,
    output: () => output,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
