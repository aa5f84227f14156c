// Makes docs/images/report.png (and docs/report-example.html): the HTML report of a catalog
// checked over 21 simulated nights against the test fakes, rendered by the real `linkmedic
// report` and photographed in headless Chromium. Run with `npm run docs:screenshot`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';
import { nightAt, startDemoWorld } from '../tests/report/support/demo-nights.js';
import { launchChromium } from './launch-chromium.js';

const root = path.resolve(import.meta.dirname, '..');
const png = path.join(root, 'docs/images/report.png');
const example = path.join(root, 'docs/report-example.html');
const CATALOG = 'github:demo/awesome-medical-ai';

const scratch = mkdtempSync(path.join(tmpdir(), 'linkmedic-screenshot-'));
const db = path.join(scratch, 'history.db');
const world = await startDemoWorld('showcase', { standardPort: true });
try {
  for (let night = 0; night < world.catalog.nights; night++) await world.night(night, db, CATALOG);
} finally {
  await world.close();
}

const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const reportAt = new Date(nightAt(world.catalog.nights - 1).getTime() + 2 * 3_600_000);
const code = await main(['report', '--catalog', CATALOG, '--db', db, '--format', 'html', '--output', example], {
  stdout: sink(), stderr: process.stderr, env: {}, cwd: root, now: () => reportAt,
});
if (code !== 0) throw new Error(`linkmedic report exited ${code}`);

const browser = await launchChromium({ width: 1200, height: 900 });
try {
  const page = await browser.context.newPage();
  await page.goto(`file://${example}`);
  mkdirSync(path.dirname(png), { recursive: true });
  // The README shows the top of the page: the numbers, the availability timeline, what changed and
  // the dead links with their history; the stars and likes charts follow in the example HTML.
  const bottom = await page.locator('table.problems').first().evaluate((table) => table.getBoundingClientRect().bottom + (globalThis as unknown as { scrollY: number }).scrollY);
  await page.screenshot({ path: png, clip: { x: 0, y: 0, width: 1200, height: Math.ceil(bottom + 12) }, fullPage: true });
  console.log(`wrote ${path.relative(root, png)} and ${path.relative(root, example)}`);
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
