import { parseHostUrl } from '../parse-host-url.js';
/** Which kind of Hugging Face Hub repository a link points at. */
export type HubRepoKind =
  /** `huggingface.co/{id}` */
  | 'model'
  /** `huggingface.co/datasets/{id}` */
  | 'dataset'
  /** `huggingface.co/spaces/{id}` */
  | 'space';

export interface HubRepoRef {
  kind: HubRepoKind;
  /** `namespace/name`, or a legacy single-segment name (`gpt2`, `datasets/squad`). */
  id: string;
  /** Everything after the repository: path (`/tree/main/x`), query and fragment. */
  rest: string;
}

const HOSTS = new Set(['huggingface.co', 'www.huggingface.co', 'hf.co']);

// Top-level paths that are the Hub's own pages, not namespaces (docs, blog, listings, account).
// `course` and `transformers` held the course and the library docs before `learn` and `docs`: old
// catalogs still link there, and asking the API about "course/chapter1" would call them dead.
const RESERVED = new Set([
  'api', 'blog', 'brand', 'changelog', 'chat', 'collections', 'course', 'docs', 'enterprise',
  'huggingchat', 'inference-api', 'inference-endpoints', 'join', 'jobs', 'learn', 'login', 'logout',
  'models', 'new', 'new-dataset', 'new-space', 'notifications', 'organizations', 'papers', 'posts',
  'pricing', 'privacy', 'search', 'settings', 'tasks', 'terms-of-service', 'transformers', 'welcome',
]);

// Pages inside a repository; seen right after a single-segment id they mark a legacy id.
const REPO_PAGES = new Set([
  'tree', 'blob', 'resolve', 'raw', 'commits', 'commit', 'discussions', 'viewer', 'edit', 'settings',
]);

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

const PREFIX: Record<HubRepoKind, string> = { model: '', dataset: '/datasets', space: '/spaces' };

/**
 * Parses links to Hub models, datasets and Spaces, deep links included. Returns undefined for the
 * Hub's own pages (docs, blog, papers, listings such as `/models?search=`), for Spaces without a
 * namespace and for names the Hub cannot hold.
 */
export function parseHuggingFaceUrl(url: string): HubRepoRef | undefined {
  const parsed = parseHostUrl(url, HOSTS);
  if (!parsed) return undefined;

  const segments = parsed.pathname.split('/').slice(1);
  let kind: HubRepoKind = 'model';
  if (segments[0] === 'datasets' || segments[0] === 'spaces') {
    kind = segments[0] === 'datasets' ? 'dataset' : 'space';
    segments.shift();
  } else if (RESERVED.has((segments[0] ?? '').toLowerCase())) {
    return undefined;
  }

  const [first = '', second] = segments;
  if (!SEGMENT.test(first)) return undefined;
  const single = second === undefined || second === '' || REPO_PAGES.has(second);
  // Spaces always have a namespace. `/{x}` and `/datasets/{x}` alone may be legacy ids, but `/{x}`
  // is also a user or organisation page: the checker never calls a single-segment id dead.
  if (single && kind === 'space') return undefined;
  if (!single && !SEGMENT.test(second)) return undefined;

  const idLength = single ? 1 : 2;
  const id = segments.slice(0, idLength).join('/');
  const tail = segments.slice(idLength);
  const path = tail.length > 0 ? `/${tail.join('/')}` : '';
  return { kind, id, rest: `${path}${parsed.search}${parsed.hash}` };
}

/** The canonical Hub link for a repository, with the rest of an original link appended. */
export function huggingFaceRepoUrl(kind: HubRepoKind, id: string, rest = ''): string {
  return `https://huggingface.co${PREFIX[kind]}/${id}${rest}`;
}
