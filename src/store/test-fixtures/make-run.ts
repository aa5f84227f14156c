// Builders for store tests: a run is a night of results, described tersely.
import type { Verdict } from '../../check/verdict.js';
import type { GithubSnapshot, HuggingfaceSnapshot, RecordedResult, RecordedRun } from '../recorded-run.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.parse('2025-03-01T03:00:00Z');

/** `[url, verdict, reason?]`; the reason defaults to one the checker would give. */
export type ResultSpec = readonly [url: string, verdict: Verdict, reason?: string];

const DEFAULT_REASON: Record<Verdict, string> = {
  alive: 'http_200', redirected: 'permanent_redirect', dead: 'http_404', restricted: 'http_403',
  blocked: 'cloudflare_challenge', rate_limited: 'http_429', server_error: 'http_503', timeout: 'timeout_total',
  network_error: 'connection_reset', tls_error: 'cert_expired', malformed: 'bad_url', skipped: 'excluded',
};

export function result([url, verdict, reason]: ResultSpec): RecordedResult {
  return {
    url,
    verdict,
    reason: reason ?? DEFAULT_REASON[verdict],
    detail: `${verdict} in a test`,
    elapsedMs: 12,
    occurrences: [{ file: 'README.md', line: 10, column: 3, section: ['Datasets'], entry: new URL(url).hostname }],
  };
}

export interface RunSpec {
  /** Hours after T0 the run starts. */
  at: number;
  /** Minutes it lasts. */
  minutes?: number;
  conclusive?: boolean;
  results?: readonly ResultSpec[];
  /** Each adds an alive `https://github.com/{fullName}` result carrying the snapshot. */
  github?: readonly GithubSnapshot[];
  /** Each adds an alive Hub URL result carrying the snapshot. */
  huggingface?: readonly HuggingfaceSnapshot[];
  catalog?: string;
}

const hubUrl = ({ kind, id }: HuggingfaceSnapshot): string =>
  `https://huggingface.co/${kind === 'model' ? '' : `${kind}s/`}${id}`;

export function makeRun({ at, minutes = 0, conclusive = true, results = [], github = [], huggingface = [], catalog = 'local:README.md' }: RunSpec): RecordedRun {
  const startedAt = new Date(T0 + at * HOUR);
  return {
    catalog, startedAt, finishedAt: new Date(startedAt.getTime() + minutes * 60_000), conclusive,
    results: [
      ...results.map(result),
      ...github.map((facts) => ({ ...result([`https://github.com/${facts.fullName}`, 'alive']), github: facts })),
      ...huggingface.map((facts) => ({ ...result([hubUrl(facts), 'alive']), huggingface: facts })),
    ],
  };
}

export const githubRepo = (fullName: string, stars: number, databaseId = 1): GithubSnapshot => ({
  fullName, databaseId, stars, forks: 1, archived: false, disabled: false, private: false,
  pushedAt: '2025-01-01T00:00:00Z', license: 'MIT', description: 'a repo',
});

export const hubRepo = (id: string, likes: number, kind: HuggingfaceSnapshot['kind'] = 'dataset'): HuggingfaceSnapshot => ({
  id, kind, likes, downloads: 100, gated: false, disabled: false, private: false, lastModified: '2025-01-01T00:00:00.000Z',
});
