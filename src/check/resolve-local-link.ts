import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * For the pipeline: a relative link written in `markdownFile` (`./docs/x.md#part`, `../data/`,
 * `/README.md` from the repository root) as the `file:` URL checkUrls can look up, or undefined for what names no file
 * (same-page anchors, query-only links, links with a scheme or protocol-relative ones).
 */
export function resolveLocalLink(href: string, markdownFile: string, repoRoot: string = process.cwd()): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#') || href.startsWith('?')) {
    return undefined;
  }
  const path = href.split(/[?#]/)[0]!;
  if (path === '') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  // As on GitHub, a leading slash means the repository root, not the file system root.
  const base = decoded.startsWith('/') ? repoRoot : dirname(markdownFile);
  return pathToFileURL(resolve(base, decoded.replace(/^\/+/, ''))).href;
}
