import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../src/catalog/extract-markdown.js';
import { createHttpClient } from '../../src/http/create-http-client.js';
import type { HttpClient } from '../../src/http/http-client.js';
import { checkCatalog } from '../../src/pipeline.js';
import { extractAsYouGo } from '../../src/pipeline/extract-as-you-go.js';
import { openStore } from '../../src/store/open-store.js';
import { respond, startSimulatedWeb, type SimulatedWeb } from '../support/simulated-web/index.js';

let web: SimulatedWeb;
let http: HttpClient;
const arrivals = new Map<string, number>();

beforeAll(async () => {
  web = await startSimulatedWeb();
  for (const path of ['/first', '/last']) {
    web.route('papers.example.test', path, (req, res, ctx) => {
      arrivals.set(path, performance.now());
      return respond.ok('<title>paper</title>')(req, res, ctx);
    });
  }
  http = createHttpClient(web.clientOptions);
});

afterAll(async () => {
  await http.close();
  await web.close();
});

/** Sections of links the run excludes, as awesome lists are laid out: parsing them takes a while, checking them nothing. */
const sections = (count: number, items = 100) =>
  Array.from({ length: count }, (_, section) => [
    `## Section ${section}`,
    '',
    ...Array.from({ length: items }, (_, index) => `- Item ${index}: [data](https://never.example.test/${section}/${index}) and *notes*`),
    '',
  ].join('\n')).join('\n');

describe('checking starts while the catalog is still being read', () => {
  it('the first link is requested before the last block is parsed', async () => {
    const first = web.url('papers.example.test', '/first');
    const last = web.url('papers.example.test', '/last');
    const files = [
      { file: 'README.md', text: `# Papers\n\n- [First](${first})\n` },
      { file: 'more.md', text: `# More\n\n${sections(60)}\n\n## Last\n\n- [Last](${last})\n` },
    ];
    const store = await openStore({ path: ':memory:' });
    try {
      const { report } = await checkCatalog(files, { catalog: 'local:/papers/README.md', archive: false, exclude: [/never\.example\.test/] }, { http, store, env: {} });
      expect(report.links.filter((link) => link.verdict === 'alive').map((link) => link.url)).toEqual([first, last]);
      // Reading the 6,000 items between them takes far longer than a request on loopback: had the
      // checker waited for the whole catalog, both would have arrived together.
      expect(arrivals.get('/last')! - arrivals.get('/first')!).toBeGreaterThan(50);
    } finally {
      await store.close();
    }
  });

  it('ends with the same extractions as extractMarkdown, having told each occurrence once, in order', async () => {
    const files = [
      { file: 'a.md', text: '# A\n\n[ref][x] and https://a.example.test/1\n\n| T | L |\n|---|---|\n| t | [l](https://a.example.test/2) |\n\n[x]: https://a.example.test/3\n' },
      { file: 'b.md', text: `\uFEFF# B\n\n${sections(3)}\n` },
    ];
    const told: string[] = [];
    const extractions = await extractAsYouGo(files, (occurrence) => told.push(`${occurrence.file}:${occurrence.line}:${occurrence.url}`));
    const expected = files.map(({ text, file }) => extractMarkdown(text, file));
    expect(extractions).toEqual(expected);
    expect(told).toEqual(expected.flatMap((extraction) => extraction.occurrences.map((o) => `${o.file}:${o.line}:${o.url}`)));
  });
});
