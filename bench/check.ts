/**
 * `npm run bench:check`: linkmedic's checker against linkinator and markdown-link-check on the
 * same generated catalog, served by local servers with injected latency. Each host is its own
 * loopback address (127.0.0.2 …), as Linux routes all of 127/8 to lo. Every tool runs in its own
 * child process, so peak memory (max RSS) is the tool's alone; requests and the highest per-host
 * concurrency are counted on the server side. Prints numbers; asserts nothing.
 *
 *   npm run bench:check [-- --links 1000 --hosts 50 --latency 100 --big 10000 --mlc-cap 90]
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

type Tool = 'linkmedic' | 'linkmedic-check' | 'linkinator' | 'markdown-link-check' | 'baseline' | 'floor';

interface ChildReport {
  wallMs: number;
  maxRssMb: number;
  checked: number;
  ok: number;
}

const { values: args } = parseArgs({
  options: {
    child: { type: 'string' },
    file: { type: 'string' },
    cap: { type: 'string' },
    links: { type: 'string', default: '1000' },
    hosts: { type: 'string', default: '50' },
    latency: { type: 'string', default: '100' },
    big: { type: 'string', default: '10000' },
    'mlc-cap': { type: 'string', default: '90' },
    repeat: { type: 'string', default: '3' },
    tools: { type: 'string', default: 'baseline,floor,linkmedic,linkinator,markdown-link-check' },
  },
});

if (args.child) {
  const report = await runChild(args.child as Tool, args.file!, Number(args.cap ?? 8));
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
} else {
  await main();
}

/** Runs one tool on the catalog and measures it from inside its own process. */
async function runChild(tool: Tool, file: string, cap: number): Promise<ChildReport> {
  const started = performance.now();
  let checked = 0;
  let ok = 0;
  if (tool === 'linkmedic' || tool === 'linkmedic-check') {
    const { extractMarkdown } = await import('../src/catalog/extract-markdown.js');
    const { checkUrls } = await import('../src/check/check-urls.js');
    const { createHttpClient } = await import('../src/http/create-http-client.js');
    const client = createHttpClient({ allowPrivateNetworks: true });
    const begin = performance.now();
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
    return { wallMs, maxRssMb: maxRssMb(), checked, ok };
  }
  if (tool === 'floor') {
    // The machine's own floor: bare undici HEADs, `cap` per host, no checker logic at all.
    const { Agent } = await import('undici');
    const agent = new Agent({ keepAliveTimeout: 30_000 });
    const begin = performance.now();
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
    return { wallMs, maxRssMb: maxRssMb(), checked, ok };
  }
  if (tool === 'linkinator') {
    const { check } = await import('linkinator');
    const begin = performance.now();
    const result = await check({ path: file, markdown: true, recurse: false, timeout: 30_000 });
    const wallMs = performance.now() - begin;
    const external = result.links.filter((link) => link.url.startsWith('http://127.0.0.') && !link.url.endsWith('.md'));
    return { wallMs, maxRssMb: maxRssMb(), checked: external.length, ok: external.filter((l) => l.state === 'OK').length };
  }
  if (tool === 'markdown-link-check') {
    // A CommonJS package without type declarations.
    const markdownLinkCheck = createRequire(import.meta.url)('markdown-link-check') as (
      md: string, opts: object, cb: (error: unknown, results: Array<{ status: string }>) => void,
    ) => void;
    const begin = performance.now();
    const results = await new Promise<Array<{ status: string }>>((resolve, reject) =>
      markdownLinkCheck(readFileSync(file, 'utf8'), { timeout: '10s' }, (error, r) => (error ? reject(error) : resolve(r))),
    );
    return { wallMs: performance.now() - begin, maxRssMb: maxRssMb(), checked: results.length, ok: results.filter((r) => r.status === 'alive').length };
  }
  return { wallMs: performance.now() - started, maxRssMb: maxRssMb(), checked, ok };
}

function maxRssMb(): number {
  // ru_maxrss survives execve on Linux, so a child would report its parent's size if that was
  // larger at fork time; VmHWM belongs to the new address space. Both are in kilobytes.
  const hwm = /VmHWM:\s+(\d+) kB/.exec(existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '');
  return (hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024;
}

interface Host {
  address: string;
  port: number;
  server: Server;
  inFlight: number;
  maxInFlight: number;
  requests: number;
}

/** One server per loopback address: `latencyMs` before every answer, 200 for every path. */
async function startHosts(count: number, latencyMs: number): Promise<Host[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const host = { address: `127.0.0.${i + 2}`, port: 0, inFlight: 0, maxInFlight: 0, requests: 0 } as Host;
      host.server = http.createServer((req, res) => {
        host.requests++;
        host.maxInFlight = Math.max(host.maxInFlight, ++host.inFlight);
        res.on('close', () => host.inFlight--);
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html><head><title>item</title></head><body>ok</body></html>');
        }, latencyMs);
      });
      host.server.keepAliveTimeout = 30_000;
      await new Promise<void>((resolve) => host.server.listen(0, host.address, resolve));
      host.port = (host.server.address() as AddressInfo).port;
      return host;
    }),
  );
}

function writeCatalog(dir: string, hosts: Host[], links: number): string {
  const lines = ['# Generated catalog', '', '| Name | Link |', '| --- | --- |'];
  for (let i = 0; i < links; i++) {
    const host = hosts[i % hosts.length]!;
    lines.push(`| dataset ${i} | [data](http://${host.address}:${host.port}/datasets/${i}) |`);
  }
  const file = join(dir, `catalog-${links}.md`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Transpiles src/ and this script to plain JavaScript (TypeScript's own transpiler, no type
 * check), so every tool runs in plain `node` as users run it: no loader inflating time or memory.
 */
async function compileForChildren(dir: string): Promise<string> {
  // Loaded here only: the children must not carry the compiler in their memory.
  const { default: ts } = await import('typescript');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = join(dir, 'build');
  const sources = [
    ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => join('src', f)),
    join('bench', 'check.ts'),
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const file of sources) {
    const { outputText } = ts.transpileModule(readFileSync(join(root, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  copyFileSync(join(root, 'package.json'), join(out, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  return join(out, 'bench', 'check.js');
}

async function measure(childScript: string, tool: Tool, file: string, hosts: Host[], cap: number, capSeconds: number) {
  for (const host of hosts) Object.assign(host, { requests: 0, maxInFlight: 0 });
  const report = await new Promise<ChildReport | undefined>((resolve) => {
    execFile(
      process.execPath,
      [childScript, '--child', tool, '--file', file, '--cap', String(cap)],
      { timeout: capSeconds * 1000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1);
        if (error && !error.killed) console.error(`  ${tool} failed: ${stderr.trim().split('\n').slice(0, 5).join('\n  ')}`);
        resolve(error || !line ? undefined : (JSON.parse(line) as ChildReport));
      },
    );
  });
  return {
    report,
    requests: hosts.reduce((sum, h) => sum + h.requests, 0),
    maxPerHost: Math.max(...hosts.map((h) => h.maxInFlight)),
  };
}

async function main(): Promise<void> {
  const links = Number(args.links);
  const hostCount = Number(args.hosts);
  const latency = Number(args.latency);
  const big = Number(args.big);
  const mlcCap = Number(args['mlc-cap']);
  const hosts = await startHosts(hostCount, latency);
  const dir = mkdtempSync(join(tmpdir(), 'linkmedic-bench-'));
  const childScript = await compileForChildren(dir);
  const file = writeCatalog(dir, hosts, links);
  const perHost = Math.ceil(links / hostCount);
  const limit = (cap: number) => Math.ceil(perHost / cap) * latency;

  const repeat = Number(args.repeat);
  const tools = new Set(args.tools!.split(',').flatMap((t) => (t === 'linkmedic' ? [t, 'linkmedic-check'] : [t])));
  const runs: Array<{ label: string; tool: Tool; file: string; cap: number; capSeconds: number; links: number; times: number; limitMs?: number }> = [
    { label: 'node, idle (baseline)', tool: 'baseline', file, cap: 8, capSeconds: 60, links: 0, times: 1 },
    { label: 'floor: bare undici HEAD, 8/host', tool: 'floor', file, cap: 8, capSeconds: 300, links, times: repeat, limitMs: limit(8) },
    { label: 'floor: bare undici HEAD, 4/host', tool: 'floor', file, cap: 4, capSeconds: 300, links, times: repeat, limitMs: limit(4) },
    { label: 'linkmedic extract + check (cap 8/host)', tool: 'linkmedic', file, cap: 8, capSeconds: 300, links, times: repeat, limitMs: limit(8) },
    { label: 'linkmedic extract + check (cap 4/host)', tool: 'linkmedic', file, cap: 4, capSeconds: 300, links, times: repeat, limitMs: limit(4) },
    { label: 'linkmedic check stage only (cap 8/host)', tool: 'linkmedic-check', file, cap: 8, capSeconds: 300, links, times: repeat, limitMs: limit(8) },
    { label: 'linkmedic check stage only (cap 4/host)', tool: 'linkmedic-check', file, cap: 4, capSeconds: 300, links, times: repeat, limitMs: limit(4) },
    { label: 'linkinator 6 (defaults)', tool: 'linkinator', file, cap: 8, capSeconds: 300, links, times: repeat },
    { label: `markdown-link-check 3 (stopped at ${mlcCap} s)`, tool: 'markdown-link-check', file, cap: 8, capSeconds: mlcCap, links, times: 1 },
  ];
  if (big > 0) {
    const bigFile = writeCatalog(dir, hosts, big);
    const bigLimit = Math.ceil(Math.ceil(big / hostCount) / 8) * latency;
    runs.push(
      { label: 'linkmedic extract + check (cap 8/host)', tool: 'linkmedic', file: bigFile, cap: 8, capSeconds: 600, links: big, times: 1, limitMs: bigLimit },
      { label: 'linkmedic check stage only (cap 8/host)', tool: 'linkmedic-check', file: bigFile, cap: 8, capSeconds: 600, links: big, times: 1, limitMs: bigLimit },
    );
  }

  console.log(`bench:check: ${hostCount} hosts (127.0.0.2-127.0.0.${hostCount + 1}), ${latency} ms latency per answer, ` +
    `Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  const header = ['tool', 'links', 'wall s', 'limit s', 'requests', 'peak RSS MB', 'max/host', 'alive'];
  const rows: string[][] = [];
  for (const run of runs.filter((r) => tools.has(r.tool))) {
    const samples = [];
    for (let i = 0; i < run.times; i++) samples.push(await measure(childScript, run.tool, run.file, hosts, run.cap, run.capSeconds));
    // The median run by wall time: the machine is shared, single runs are noisy.
    samples.sort((a, b) => (a.report?.wallMs ?? Infinity) - (b.report?.wallMs ?? Infinity));
    const { report, requests, maxPerHost } = samples[Math.floor(samples.length / 2)]!;
    const walls = samples.map((x) => (x.report ? (x.report.wallMs / 1000).toFixed(2) : '-'));
    rows.push([
      run.label,
      String(run.links),
      report ? `${(report.wallMs / 1000).toFixed(2)}${samples.length > 1 ? ` (${walls.join('/')})` : ''}` : `> ${run.capSeconds}`,
      run.limitMs === undefined ? '' : (run.limitMs / 1000).toFixed(2),
      String(requests),
      report ? report.maxRssMb.toFixed(0) : '',
      run.tool === 'baseline' ? '' : String(maxPerHost),
      report && run.tool !== 'baseline' ? `${report.ok}/${report.checked}` : '',
    ]);
    console.error(`  done: ${run.label} (${run.links} links)`);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('\nwall s: median of the runs (all runs in brackets), timed inside the tool\'s process after its imports.');
  console.log('limit s: the physical limit, ceil(links per host / cap) x latency, at one request per link (with');
  console.log('  linkmedic\'s global cap of 256 in flight, 10,000 links cannot beat ceil(10000 / 256) x latency = 4.0 s).');
  console.log('requests, max/host: counted by the servers. peak RSS: the tool process\'s max resident set.');

  for (const h of hosts) h.server.closeAllConnections();
  await Promise.all(hosts.map((h) => new Promise((resolve) => h.server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
}
