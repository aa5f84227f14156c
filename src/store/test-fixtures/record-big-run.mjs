// Child process for the kill test (run with `node --import tsx`): records one very large run and
// says when it starts and when it committed, so the parent can kill it in between.
import { openStore } from '../open-store.ts';

const [path, size] = process.argv.slice(2);
const store = await openStore({ path });
const results = Array.from({ length: Number(size) }, (_, index) => ({
  url: `https://example.org/big/run/${index}`,
  verdict: 'alive',
  reason: 'http_200',
  detail: 'The target answered 200 with content.',
  elapsedMs: 5,
  occurrences: [{ file: 'README.md', line: index + 1, column: 3, section: ['Big', 'Section'], entry: `entry ${index}` }],
}));
const startedAt = new Date('2025-06-01T03:00:00Z');
process.stdout.write('recording\n');
await store.recordRun({ catalog: 'local:README.md', startedAt, finishedAt: startedAt, conclusive: true, results });
process.stdout.write('committed\n');
await store.close();
