import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryReport } from '../../src/report/history-report.js';
import { CHROMIUM_PATH, launchChromium, type Chromium } from '../../scripts/launch-chromium.js';
import { runCli } from '../support/cli-harness.js';
import { nightAt, startDemoWorld } from './support/demo-nights.js';

// Six nights of the small demo catalog through the whole pipeline (night 4 offline), then
// `linkmedic report --format html` opened in Debian's Chromium.
const CATALOG = 'github:demo/small';
const NIGHTS = 6;
const CONCLUSIVE = 5;

const scratch = mkdtempSync(path.join(tmpdir(), 'linkmedic-html-'));
const db = path.join(scratch, 'history.db');
const htmlFile = path.join(scratch, 'report.html');
let document: HistoryReport;
let browser: Chromium;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

const hasChromium = existsSync(CHROMIUM_PATH);

beforeAll(async () => {
  if (!hasChromium) return;
  const world = await startDemoWorld('small');
  try {
    for (let night = 0; night < NIGHTS; night++) await world.night(night, db, CATALOG);
  } finally {
    await world.close();
  }
  const now = () => new Date(nightAt(NIGHTS - 1).getTime() + 3_600_000);
  const html = await runCli(['report', '--catalog', CATALOG, '--db', db, '--format', 'html', '--output', htmlFile], { now });
  expect([html.code, html.stderr]).toEqual([0, `linkmedic: wrote ${htmlFile} (${(readFileSync(htmlFile).length / 1024).toFixed(1)} KB)\n`]);
  const json = await runCli(['report', '--catalog', CATALOG, '--db', db, '--json'], { now });
  document = JSON.parse(json.stdout) as HistoryReport;

  browser = await launchChromium({ width: 1200, height: 900 });
  page = await browser.context.newPage();
  page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
  page.on('pageerror', (error) => void consoleErrors.push(error.message));
  page.on('request', (request) => void requests.push(request.url()));
  await page.goto(`file://${htmlFile}`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const count = (selector: string) => page.locator(selector).count();
/** The number of points of each polyline matched, in document order. */
const pointsOf = (selector: string) =>
  page.locator(selector).evaluateAll((lines) => lines.map((line) => (line as unknown as { points: { numberOfItems: number } }).points.numberOfItems));

describe.runIf(hasChromium)('the HTML report in headless Chromium', () => {
  it('renders without console errors and fetches nothing but itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([`file://${htmlFile}`]);
  });

  it('draws the availability timeline with one run per night and a point per conclusive night', async () => {
    expect(document.availability).toHaveLength(NIGHTS);
    expect(await count('svg.availability g.run')).toBe(NIGHTS);
    expect(await count('svg.availability circle.point')).toBe(CONCLUSIVE);
    expect(await count('svg.availability rect.offline')).toBe(NIGHTS - CONCLUSIVE);
    const box = await page.locator('svg.availability').boundingBox();
    expect(box!.width).toBeGreaterThan(900);
  });

  it('draws stars and likes per section with one point per snapshotted night, and a sparkline per repository', async () => {
    expect(await page.locator('section.section-popularity').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-section')))).toEqual(['Datasets', 'Models']);
    expect(await page.locator('figure[data-metric]').evaluateAll((figures) => figures.map((figure) => figure.getAttribute('data-metric')))).toEqual(['stars', 'likes', 'likes']);
    const repos = document.sections.flatMap((section) => section.repos);
    expect(repos.map((repo) => [repo.name, repo.series.length])).toEqual([
      ['acme/med-llm', CONCLUSIVE], ['acme/new-name', CONCLUSIVE], ['acme/qa-set', CONCLUSIVE], ['acme/med-7b', CONCLUSIVE],
    ]);
    expect(await pointsOf('svg.popularity g.series polyline')).toEqual([CONCLUSIVE, CONCLUSIVE, CONCLUSIVE, CONCLUSIVE]);
    expect(await pointsOf('svg.sparkline polyline')).toEqual([CONCLUSIVE, CONCLUSIVE, CONCLUSIVE, CONCLUSIVE]);
  });

  it('gives every link that needs attention a history strip with a cell per night', async () => {
    const rows = page.locator('table.problems tr[data-url]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('svg.strip rect.cell').length))).toEqual(document.links.map(() => NIGHTS));
    expect(document.links.map((link) => [link.verdict, link.history.confirmedDead])).toEqual([
      ['dead', true], ['dead', true], ['restricted', false], ['redirected', false], ['redirected', false],
    ]);
    expect(await page.locator('#changes li').allInnerTexts()).toEqual([
      expect.stringMatching(/^Doomed github\.com\/acme\/doomed 2026-11-06 · repo_not_found, confirmed after 2 failing runs$/),
      expect.stringMatching(/^Retrieval papers\.example\.test:\d+\/retrieval 2026-11-04 · http_404, confirmed after 2 failing runs$/),
      expect.stringMatching(/^Federated flaky\.example\.test:\d+\/fed 2026-11-03 · after 2 failing runs$/),
    ]);
  });

  it('prints: print styles apply and Chromium makes a PDF of it', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('svg.availability .hover').first().evaluate((rect) => (globalThis as unknown as { getComputedStyle(element: unknown): { display: string } }).getComputedStyle(rect).display)).toBe('none');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    await page.emulateMedia({ media: 'screen' });
  });
});
