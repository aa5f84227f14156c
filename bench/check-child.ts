/**
 * The in-process side of `npm run bench:check`: a child process that imports one tool, times one
 * stage after its imports and prints a ChildReport as JSON. bench/check.ts transpiles this file
 * with the src/ under test and runs it in plain `node`, one process per sample.
 *
 *   node check-child.js --tool linkmedic-check --file catalog.md --cap 8
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** In-process tools: a child imports the code and times one stage. */
export type StageTool = 'linkmedic' | 'linkmedic-check' | 'linkinator' | 'markdown-link-check' | 'baseline' | 'floor';

export interface ChildReport {
  wallMs: number;
  /** CPU time (user + system) over the same span: steadier than wall time on a busy machine. */
  cpuMs: number | undefined;
  maxRssMb: number | undefined;
  checked: number | undefined;
  ok: number | undefined;
}

const { values: args } = parseArgs({ options: { tool: { type: 'string' }, file: { type: 'string' }, cap: { type: 'string' } } });
if (args.tool) {
  const report = await runChild(args.tool as StageTool, args.file!, Number(args.cap ?? 8));
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

/** Runs one tool on the catalog and measures it from inside its own process. */
async function runChild(tool: StageTool, file: string, cap: number): Promise<ChildReport> {
  const started = performance.now();
  let checked = 0;
  let ok = 0;
  if (tool === 'linkmedic' || tool === 'linkmedic-check') {
    const { extractMarkdown } = await import('../src/catalog/extract-markdown.js');
    const { checkUrls } = await import('../src/check/check-urls.js');
    const { createHttpClient } = await import('../src/http/create-http-client.js');
    const client = createHttpClient({ allowPrivateNetworks: true });
    const begin = performance.now();
    const cpu = process.cpuUsage();
    const text = readFileSync(file, 'utf8');
    // `linkmedic-check` isolates the check stage: URLs taken from the generated table directly.
    const urls = tool === 'linkmedic'
      ? extractMarkdown(text, file).occurrences.map((o) => o.url)
      : [...text.matchAll(/\]\((http:[^)]+)\)/g)].map((m) => m[1]!);
    const run = await checkUrls(urls, { perHostConcurrency: cap }, { http: client });
    const wallMs = performance.now() - begin;
    await client.close();
    checked = run.results.size;
    ok = run.stats.byVerdict.alive;
    return { wallMs, cpuMs: cpuSince(cpu), maxRssMb: maxRssMb(), checked, ok };
  }
  if (tool === 'floor') {
    // The machine's own floor: bare undici HEADs, `cap` per host, no checker logic at all.
    const { Agent } = await import('undici');
    const agent = new Agent({ keepAliveTimeout: 30_000 });
    const begin = performance.now();
    const cpu = process.cpuUsage();
    const urls = [...readFileSync(file, 'utf8').matchAll(/\]\((http:[^)]+)\)/g)].map((m) => new URL(m[1]!));
    const byHost = new Map<string, URL[]>();
    for (const url of urls) byHost.set(url.host, [...(byHost.get(url.host) ?? []), url]);
    await Promise.all(
      [...byHost.values()].flatMap((list) =>
        Array.from({ length: cap }, async () => {
          for (let url = list.shift(); url; url = list.shift()) {
            // reset: false keeps the socket after HEAD, as linkmedic does (undici closes it otherwise).
            const response = await agent.request({ origin: url.origin, path: url.pathname, method: 'HEAD', reset: false });
            await response.body.dump();
            ok += response.statusCode === 200 ? 1 : 0;
            checked++;
          }
        }),
      ),
    );
    const wallMs = performance.now() - begin;
    await agent.close();
    return { wallMs, cpuMs: cpuSince(cpu), maxRssMb: maxRssMb(), checked, ok };
  }
  if (tool === 'linkinator') {
    const { check } = await import('linkinator');
    const begin = performance.now();
    const cpu = process.cpuUsage();
    const result = await check({ path: file, markdown: true, recurse: false, timeout: 30_000 });
    const wallMs = performance.now() - begin;
    const external = result.links.filter((link) => link.url.startsWith('http://127.0.0.') && !link.url.endsWith('.md'));
    return { wallMs, cpuMs: cpuSince(cpu), maxRssMb: maxRssMb(), checked: external.length, ok: external.filter((l) => l.state === 'OK').length };
  }
  if (tool === 'markdown-link-check') {
    // A CommonJS package without type declarations.
    const markdownLinkCheck = createRequire(import.meta.url)('markdown-link-check') as (
      md: string, opts: object, cb: (error: unknown, results: Array<{ status: string }>) => void,
    ) => void;
    const begin = performance.now();
    const cpu = process.cpuUsage();
    const results = await new Promise<Array<{ status: string }>>((resolve, reject) =>
      markdownLinkCheck(readFileSync(file, 'utf8'), { timeout: '10s' }, (error, r) => (error ? reject(error) : resolve(r))),
    );
    return { wallMs: performance.now() - begin, cpuMs: cpuSince(cpu), maxRssMb: maxRssMb(), checked: results.length, ok: results.filter((r) => r.status === 'alive').length };
  }
  return { wallMs: performance.now() - started, cpuMs: undefined, maxRssMb: maxRssMb(), checked, ok };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function maxRssMb(): number {
  // ru_maxrss survives execve on Linux, so a child would report its parent's size if that was
  // larger at fork time; VmHWM belongs to the new address space. Both are in kilobytes.
  const hwm = /VmHWM:\s+(\d+) kB/.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '');
  return (hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024;
}
