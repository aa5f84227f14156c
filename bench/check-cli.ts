/**
 * The whole-process side of `npm run bench:check`: each tool's CLI started as a user starts it,
 * timed from spawn to exit, with peak RSS and CPU time from `/usr/bin/time`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildReport } from './check-child.js';

/** Whole-process tools: each CLI as a user starts it. */
export type CliTool = 'linkmedic-cli' | 'linkinator-cli' | 'markdown-link-check-cli';

const TIME = '/usr/bin/time';

/**
 * The CLI runs from dist/bundle/ (dist/cli/ in checkouts from before the bundle, which `--root`
 * may compare): refuse numbers from a build older than the sources.
 */
export function staleBuild(root: string): string | undefined {
  const bundled = existsSync(join(root, 'scripts', 'build-cli.ts'));
  const main = join(root, 'dist', ...(bundled ? ['bundle', 'main.js'] : ['cli', 'main.js']));
  if (!existsSync(main)) return `${root}/dist is missing`;
  const built = statSync(main).mtimeMs;
  const newer = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .find((f) => statSync(join(root, 'src', f)).mtimeMs > built);
  return newer ? `src/${newer} is newer than ${root}/dist` : undefined;
}

/** The command line a user would type for each CLI (plus what the bench needs: loopback hosts, no history). */
function cliCommand(tool: CliTool, root: string, file: string, node: string): string[] {
  const modules = fileURLToPath(new URL('../node_modules/', import.meta.url));
  switch (tool) {
    case 'linkmedic-cli':
      // --allow-private-networks: the bench's hosts are loopback addresses, which the guard refuses.
      // --no-archive: every link is alive, and no Wayback Machine lookup may reach the internet.
      return [node, join(root, 'bin', 'linkmedic.js'), 'check', file, '--no-db', '--allow-private-networks', '--no-archive'];
    case 'linkinator-cli':
      return [node, join(modules, 'linkinator', 'build', 'src', 'cli.js'), file, '--markdown', '--timeout', '30000'];
    case 'markdown-link-check-cli':
      return [node, join(modules, 'markdown-link-check', 'markdown-link-check'), file];
  }
}

/** Links checked and alive, read from each CLI's own output. */
function countFromOutput(tool: CliTool, stdout: string): Pick<ChildReport, 'checked' | 'ok'> {
  if (tool === 'linkmedic-cli') {
    const summary = /(\d+) links checked in [\d.]+ s: (.*)\./.exec(stdout);
    return { checked: summary ? Number(summary[1]) : undefined, ok: summary ? Number(/(\d+) alive/.exec(summary[2]!)?.[1] ?? 0) : undefined };
  }
  if (tool === 'linkinator-cli') {
    // Each link is printed as it is checked, then again (indented) in the summary: count the first.
    const statuses = [...stdout.matchAll(/^\[(\d+)\] http:\/\/127\.0\.0\./gm)].map((m) => Number(m[1]));
    return { checked: statuses.length, ok: statuses.filter((s) => s >= 200 && s < 300).length };
  }
  return { checked: (stdout.match(/\[[✓✖/]\]/g) ?? []).length, ok: (stdout.match(/\[✓\]/g) ?? []).length };
}

/**
 * Spawn to exit, as the shell sees it; `/usr/bin/time` reports the peak RSS of the tool's process.
 * `node`: the Node.js binary every CLI runs on (default: the bench's own).
 */
export function runCli(tool: CliTool, root: string, file: string, capSeconds: number, dir: string, node = process.execPath): Promise<ChildReport | undefined> {
  const command = cliCommand(tool, root, file, node);
  const rssFile = join(dir, `time-${tool}`);
  const timed = existsSync(TIME) ? [TIME, '-f', '%M %U %S', '-o', rssFile, ...command] : command;
  rmSync(rssFile, { force: true });
  const env = { ...process.env };
  // As a user without credentials or history: no API routing, no database.
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN', 'HF_TOKEN', 'LINKMEDIC_DB', 'FORCE_COLOR']) delete env[name];
  return new Promise((resolve) => {
    const started = performance.now();
    // Its own process group, so a run over the cap is stopped whole (time and the tool under it).
    const child = spawn(timed[0]!, timed.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, capSeconds * 1000);
    child.on('exit', () => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      child.on('close', () => {
        if (killed) return resolve(undefined);
        const [rss, user, system] = (existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)!.split(' ') : []).map(Number);
        const stdout = Buffer.concat(out).toString('utf8');
        const counts = countFromOutput(tool, stdout);
        if (counts.checked === undefined || counts.checked === 0) {
          console.error(`  ${tool} printed no result: ${Buffer.concat(err).toString('utf8').trim().split('\n').slice(0, 5).join('\n  ')}`);
        }
        resolve({
          wallMs,
          cpuMs: user === undefined || system === undefined ? undefined : (user + system) * 1000,
          maxRssMb: rss === undefined ? undefined : rss / 1024,
          ...counts,
        });
      });
    });
  });
}
