/**
 * `npm run bench:check`: linkmedic's checker against linkinator and markdown-link-check on the
 * same generated catalog, served by local servers with injected latency. Each host is its own
 * loopback address (127.0.0.2 …), as Linux routes all of 127/8 to lo. Prints numbers; asserts
 * nothing. Two kinds of rows, measured in the same run against the same servers:
 *
 * - whole process: each tool's CLI started as a user starts it (`node bin/linkmedic.js check …`,
 *   `linkinator …`, `markdown-link-check …`), timed from spawn to exit, so start-up, extraction
 *   and the report count; peak RSS from `/usr/bin/time`. Needs `npm run build` first.
 * - in-process: a child process that imports the library and times one stage after its imports
 *   (the check stage alone, or extraction + check), for the stage's own numbers.
 *
 * This file runs the servers and the table; check-cli.ts starts the CLIs, check-child.ts is the
 * in-process child.
 *
 * Requests, the highest per-host concurrency and the timeline (requests started per 50 ms) are
 * counted on the server side. Samples are interleaved (every row once, then every row again …),
 * so a busy spell on the shared machine hits all rows alike; each row shows its median.
 * `--root` compares checkouts in the same run, e.g. `--root before=/tmp/old,after=.` (each built).
 * `--node` runs every CLI on another Node.js, e.g. Node 24 (`.ci/with-node24`), with a `--root` whose
 * native addons were built for it; the in-process rows stay on the bench's own Node.
 *
 *   npm run bench:check [-- --links 1000 --hosts 50 --latency 100 --big 10000 --repeat 3
 *                          --tools linkmedic-cli,linkinator-cli,… --root [name=]dir,… --node path]
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChildReport, StageTool } from './check-child.js';
import { runCli, staleBuild, type CliTool } from './check-cli.js';

type Tool = StageTool | CliTool;

/** linkmedic's default global cap: no run of it can beat ceil(links / 256) round trips. */
const GLOBAL_CAP = 256;
const BUCKET_MS = 50;
/** Arrival time (`performance.now()`) of every request, all hosts: the server-side timeline. */
const arrivals: number[] = [];

const { values: args } = parseArgs({
  options: {
    links: { type: 'string', default: '1000' },
    hosts: { type: 'string', default: '50' },
    latency: { type: 'string', default: '100' },
    big: { type: 'string', default: '10000' },
    'mlc-cap': { type: 'string', default: '90' },
    repeat: { type: 'string', default: '3' },
    tools: {
      type: 'string',
      default: 'baseline,floor,linkmedic-cli,linkinator-cli,markdown-link-check-cli,linkmedic,linkinator,markdown-link-check',
    },
    root: { type: 'string' },
    node: { type: 'string' },
  },
});

/** The Node.js every whole-process CLI runs on. */
const cliNode = args.node ? resolve(args.node) : process.execPath;

await main();

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
        arrivals.push(performance.now());
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
 * Transpiles `root`'s src/ and bench/check-child.ts to plain JavaScript (TypeScript's own transpiler, no
 * type check), so every in-process child runs in plain `node`: no loader inflating time or memory.
 */
async function compileForChildren(out: string, root: string): Promise<string> {
  // Loaded here only: the children must not carry the compiler in their memory.
  const { default: ts } = await import('typescript');
  const here = fileURLToPath(new URL('..', import.meta.url));
  const sources = [
    ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => join(root, 'src', f)),
    join(here, 'bench', 'check-child.ts'),
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  for (const file of sources) {
    const target = join(out, file.startsWith(join(root, 'src')) ? file.slice(root.length) : join('bench', 'check-child.ts'));
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target.replace(/\.ts$/, '.js'), outputText);
  }
  copyFileSync(join(here, 'package.json'), join(out, 'package.json'));
  symlinkSync(join(here, 'node_modules'), join(out, 'node_modules'), 'dir');
  return join(out, 'bench', 'check-child.js');
}

interface Sample {
  report: ChildReport | undefined;
  requests: number;
  maxPerHost: number;
  /** Server-side: first and last request, ms after spawn; requests started per 50 ms from the first. */
  firstMs: number | undefined;
  lastMs: number | undefined;
  timeline: number[];
}

async function measure(
  kind: { tool: StageTool; childScript: string } | { tool: CliTool; root: string },
  file: string,
  hosts: Host[],
  cap: number,
  capSeconds: number,
  dir: string,
): Promise<Sample> {
  for (const host of hosts) Object.assign(host, { requests: 0, maxInFlight: 0 });
  arrivals.length = 0;
  const spawnedAt = performance.now();
  const report = 'childScript' in kind
    ? await runStageChild(kind.childScript, kind.tool, file, cap, capSeconds)
    : await runCli(kind.tool, kind.root, file, capSeconds, dir, cliNode);
  const first = arrivals[0];
  const timeline: number[] = [];
  for (const at of arrivals) {
    const bucket = Math.floor((at - first!) / BUCKET_MS);
    while (timeline.length <= bucket) timeline.push(0);
    timeline[bucket]!++;
  }
  return {
    report,
    requests: hosts.reduce((sum, h) => sum + h.requests, 0),
    maxPerHost: Math.max(...hosts.map((h) => h.maxInFlight)),
    firstMs: first === undefined ? undefined : first - spawnedAt,
    lastMs: arrivals.length === 0 ? undefined : arrivals.at(-1)! - spawnedAt,
    timeline,
  };
}

function runStageChild(childScript: string, tool: StageTool, file: string, cap: number, capSeconds: number): Promise<ChildReport | undefined> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [childScript, '--tool', tool, '--file', file, '--cap', String(cap)],
      { timeout: capSeconds * 1000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1);
        if (error && !error.killed) console.error(`  ${tool} failed: ${stderr.trim().split('\n').slice(0, 5).join('\n  ')}`);
        resolve(error || !line ? undefined : (JSON.parse(line) as ChildReport));
      },
    );
  });
}

interface Run {
  label: string;
  tool: Tool;
  file: string;
  cap: number;
  capSeconds: number;
  links: number;
  times: number;
  limitMs?: number;
  /** The linkmedic checkout a linkmedic row runs (undefined for peers). */
  checkout?: Checkout;
}

interface Checkout {
  name: string;
  root: string;
  childScript: string;
}

function cpuMedian(samples: Sample[]): number | undefined {
  const values = samples.flatMap((x) => (x.report?.cpuMs === undefined ? [] : [x.report.cpuMs])).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

function isCli(tool: Tool): tool is CliTool {
  return tool.endsWith('-cli');
}

async function main(): Promise<void> {
  const links = Number(args.links);
  const hostCount = Number(args.hosts);
  const latency = Number(args.latency);
  const big = Number(args.big);
  const mlcCap = Number(args['mlc-cap']);
  const repeat = Number(args.repeat);
  const here = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const roots = (args.root ?? here).split(',').map((entry, i, all) => {
    const [name, path] = entry.includes('=') ? (entry.split('=', 2) as [string, string]) : [all.length > 1 ? `#${i + 1}` : '', entry];
    return { name, root: resolve(path) };
  });
  const tools = new Set(args.tools!.split(',').flatMap((t) => (t === 'linkmedic' ? [t, 'linkmedic-check'] : [t])));
  for (const { root } of tools.has('linkmedic-cli') ? roots : []) {
    const stale = staleBuild(root);
    if (stale) {
      console.error(`bench:check: ${stale}; run \`npm run build\` there first (the CLI runs from dist/bundle/).`);
      process.exit(2);
    }
  }
  const hosts = await startHosts(hostCount, latency);
  const dir = mkdtempSync(join(tmpdir(), 'linkmedic-bench-'));
  const checkouts: Checkout[] = [];
  for (const [i, { name, root }] of roots.entries()) {
    checkouts.push({ name, root, childScript: await compileForChildren(join(dir, `build-${i}`), root) });
  }
  const file = writeCatalog(dir, hosts, links);
  // One request per link, the per-host cap and linkmedic's global cap: the run cannot be shorter.
  const limit = (count: number, cap: number) => Math.max(Math.ceil(Math.ceil(count / hostCount) / cap), Math.ceil(count / GLOBAL_CAP)) * latency;

  const peer = checkouts[0]!;
  const ours = (run: Omit<Run, 'checkout'>): Run[] =>
    checkouts.map((checkout) => ({ ...run, label: `${run.label}${checkout.name ? ` [${checkout.name}]` : ''}`, checkout }));
  const runs: Run[] = [
    { label: 'node, idle (baseline)', tool: 'baseline', file, cap: 8, capSeconds: 60, links: 0, times: 1, checkout: peer },
    ...ours({ label: 'linkmedic check (CLI, whole process)', tool: 'linkmedic-cli', file, cap: 8, capSeconds: 300, links, times: repeat, limitMs: limit(links, 8) }),
    { label: 'linkinator 6 (CLI, whole process)', tool: 'linkinator-cli', file, cap: 8, capSeconds: 300, links, times: repeat },
    { label: `markdown-link-check 3 (CLI, whole process, stopped at ${mlcCap} s)`, tool: 'markdown-link-check-cli', file, cap: 8, capSeconds: mlcCap, links, times: 1 },
    { label: 'in-process: floor, bare undici HEAD, 8/host', tool: 'floor', file, cap: 8, capSeconds: 300, links, times: repeat, limitMs: limit(links, 8), checkout: peer },
    ...ours({ label: 'in-process: linkmedic extract + check (8/host)', tool: 'linkmedic', file, cap: 8, capSeconds: 300, links, times: repeat, limitMs: limit(links, 8) }),
    ...ours({ label: 'in-process: linkmedic check stage (8/host)', tool: 'linkmedic-check', file, cap: 8, capSeconds: 300, links, times: repeat, limitMs: limit(links, 8) }),
    ...ours({ label: 'in-process: linkmedic check stage (4/host)', tool: 'linkmedic-check', file, cap: 4, capSeconds: 300, links, times: repeat, limitMs: limit(links, 4) }),
    { label: 'in-process: linkinator 6 (defaults)', tool: 'linkinator', file, cap: 8, capSeconds: 300, links, times: repeat, checkout: peer },
    { label: `in-process: markdown-link-check 3 (stopped at ${mlcCap} s)`, tool: 'markdown-link-check', file, cap: 8, capSeconds: mlcCap, links, times: 1, checkout: peer },
  ];
  if (big > 0) {
    const bigFile = writeCatalog(dir, hosts, big);
    runs.push(
      ...ours({ label: 'linkmedic check (CLI, whole process)', tool: 'linkmedic-cli', file: bigFile, cap: 8, capSeconds: 600, links: big, times: 1, limitMs: limit(big, 8) }),
      ...ours({ label: 'in-process: linkmedic extract + check (8/host)', tool: 'linkmedic', file: bigFile, cap: 8, capSeconds: 600, links: big, times: 1, limitMs: limit(big, 8) }),
      ...ours({ label: 'in-process: linkmedic check stage (8/host)', tool: 'linkmedic-check', file: bigFile, cap: 8, capSeconds: 600, links: big, times: 1, limitMs: limit(big, 8) }),
    );
  }
  const chosen = runs.filter((r) => tools.has(r.tool));

  console.log(`bench:check: ${hostCount} hosts (127.0.0.2-127.0.0.${hostCount + 1}), ${latency} ms latency per answer, ` +
    `Node ${process.version}${args.node ? ` (CLIs on Node ${execFileSync(cliNode, ['--version'], { encoding: 'utf8' }).trim()})` : ''}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}` +
    `${roots.length === 1 && roots[0]!.root === here ? '' : `; linkmedic from ${roots.map((r) => `${r.name ? `${r.name}=` : ''}${r.root}`).join(', ')}`}\n`);
  const samples = new Map<Run, Sample[]>(chosen.map((run) => [run, []]));
  for (let round = 0; round < Math.max(...chosen.map((r) => r.times)); round++) {
    for (const run of chosen.filter((r) => r.times > round)) {
      const kind = isCli(run.tool)
        ? { tool: run.tool, root: run.checkout?.root ?? here }
        : { tool: run.tool, childScript: (run.checkout ?? peer).childScript };
      samples.get(run)!.push(await measure(kind, run.file, hosts, run.cap, run.capSeconds, dir));
      console.error(`  round ${round + 1}: ${run.label} (${run.links} links)`);
    }
  }

  const header = ['tool', 'links', 'wall s', 'CPU s', 'limit s', 'first req ms', 'requests', 'peak RSS MB', 'max/host', 'alive'];
  const rows: string[][] = [];
  const medians = new Map<Run, Sample>();
  const timelines: string[] = [];
  for (const run of chosen) {
    // The median run by wall time: the machine is shared, single runs are noisy.
    const sorted = samples.get(run)!.sort((a, b) => (a.report?.wallMs ?? Infinity) - (b.report?.wallMs ?? Infinity));
    const sample = sorted[Math.floor(sorted.length / 2)]!;
    const { report } = sample;
    medians.set(run, sample);
    const walls = sorted.map((x) => (x.report ? (x.report.wallMs / 1000).toFixed(2) : '-'));
    rows.push([
      run.label,
      String(run.links),
      report ? `${(report.wallMs / 1000).toFixed(2)}${sorted.length > 1 ? ` (${walls.join('/')})` : ''}` : `> ${run.capSeconds}`,
      cpuMedian(sorted) === undefined ? '' : (cpuMedian(sorted)! / 1000).toFixed(2),
      run.limitMs === undefined ? '' : (run.limitMs / 1000).toFixed(2),
      sample.firstMs === undefined ? '' : sample.firstMs.toFixed(0),
      String(sample.requests),
      report?.maxRssMb === undefined ? '' : report.maxRssMb.toFixed(0),
      run.tool === 'baseline' ? '' : String(sample.maxPerHost),
      report?.checked !== undefined && run.tool !== 'baseline' ? `${report.ok ?? '?'}/${report.checked}` : '',
    ]);
    if (run.tool !== 'baseline' && sample.timeline.length > 0) {
      const shown = sample.timeline.slice(0, 60);
      timelines.push(`  ${run.label}, ${run.links} links: ${shown.join(' ')}${sample.timeline.length > shown.length ? ' …' : ''}`);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));

  const find = (tool: Tool, count: number, cap: number, checkout?: Checkout) => {
    const run = chosen.find((r) => r.tool === tool && r.links === count && r.cap === cap && (!checkout || r.checkout === checkout));
    return run && medians.get(run);
  };
  const samplesOf = (tool: Tool, count: number, cap: number, checkout?: Checkout) => {
    const run = chosen.find((r) => r.tool === tool && r.links === count && r.cap === cap && (!checkout || r.checkout === checkout));
    return run ? samples.get(run)! : [];
  };
  const wall = (sample: Sample | undefined) => sample?.report?.wallMs;
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? 'n/a' : (a / b).toFixed(2));
  const linkinator = wall(find('linkinator-cli', links, 8));
  const floor = wall(find('floor', links, 8));
  console.log('\nratios, same run (medians):');
  for (const checkout of checkouts) {
    const name = checkout.name ? ` [${checkout.name}]` : '';
    const cli = wall(find('linkmedic-cli', links, 8, checkout));
    const stage = wall(find('linkmedic-check', links, 8, checkout));
    console.log(`  linkmedic CLI${name} / linkinator CLI, ${links} links:          ${ratio(cli, linkinator)}  (issue 10 target <= 0.5)`);
    console.log(`  linkmedic CLI${name} / physical limit, ${links} links:          ${ratio(cli, limit(links, 8))}  (issue 10 target <= 2)`);
    console.log(`  linkmedic CLI${name} / linkinator CLI, CPU time:             ${ratio(cpuMedian(samplesOf('linkmedic-cli', links, 8, checkout)), cpuMedian(samplesOf('linkinator-cli', links, 8)))}`);
    console.log(`  in-process check stage${name} / physical limit, ${links} links: ${ratio(stage, limit(links, 8))}`);
    console.log(`  in-process check stage${name} / bare undici floor:           ${ratio(stage, floor)}`);
    if (big > 0) {
      const rss = find('linkmedic-cli', big, 8, checkout)?.report?.maxRssMb;
      const stageRss = find('linkmedic-check', big, 8, checkout)?.report?.maxRssMb;
      console.log(`  linkmedic CLI${name} peak RSS, ${big} links: ${rss?.toFixed(0) ?? 'n/a'} MB (issue 10 target <= 200); check stage alone ${stageRss?.toFixed(0) ?? 'n/a'} MB`);
    }
  }
  console.log(`\nserver-side timeline of the median runs: requests started per ${BUCKET_MS} ms, from the first request`);
  for (const t of timelines) console.log(t);
  console.log('\nwall s: median of the runs (all runs in brackets). Whole-process rows: spawn to exit, as the shell sees it');
  console.log('  (start-up, extraction, checking, report). In-process rows: timed inside the child after its imports.');
  console.log(`limit s: the physical limit at one request per link: max(ceil(links per host / cap), ceil(links / ${GLOBAL_CAP})) x latency`);
  console.log(`  (${GLOBAL_CAP} is linkmedic's global cap of requests in flight).`);
  console.log('CPU s: median user + system time of the tool\'s process over the same span as wall s; on a shared');
  console.log('  machine it moves far less than wall time.');
  console.log('first req ms: from spawn to the first request the servers saw (start-up and extraction before checking).');
  console.log('requests, max/host: counted by the servers. peak RSS: the tool process\'s max resident set.');

  for (const h of hosts) h.server.closeAllConnections();
  await Promise.all(hosts.map((h) => new Promise((resolve) => h.server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
}
