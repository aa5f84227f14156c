/** Owner and (when present) name of a GitHub or Hugging Face repository path, letter case kept. */
export interface RepoPath {
  host: 'github' | 'huggingface';
  owner: string;
  name?: string;
}

const HF_KIND_PREFIX = new Set(['datasets', 'spaces']);

/** Just enough URL reading to compare letter case across links; the API providers parse fully. */
export function parseRepoPath(url: string): RepoPath | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (host === 'github.com' && segments[0]) {
    return { host: 'github', owner: segments[0], ...(segments[1] && { name: segments[1].replace(/\.git$/, '') }) };
  }
  if (host === 'huggingface.co') {
    const offset = HF_KIND_PREFIX.has(segments[0] ?? '') ? 1 : 0;
    const owner = segments[offset];
    if (owner) return { host: 'huggingface', owner, ...(segments[offset + 1] && { name: segments[offset + 1] }) };
  }
  return undefined;
}

/** `github:Owner/Name` with the original letter case, or undefined when the URL is not a repository. */
export function repoKey(url: string): string | undefined {
  const repo = parseRepoPath(url);
  if (!repo?.name) return undefined;
  const prefix = repo.host === 'huggingface' ? new URL(url).pathname.split('/')[1] : '';
  const kind = repo.host === 'huggingface' && HF_KIND_PREFIX.has(prefix ?? '') ? `${prefix}/` : '';
  return `${repo.host}:${kind}${repo.owner}/${repo.name}`;
}
