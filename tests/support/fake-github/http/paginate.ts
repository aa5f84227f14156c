import type { RouteContext } from './route.js';

/**
 * Slices a list like GitHub's REST pagination: `per_page` (default 30, capped at 100) and
 * `page`, with a `Link` header (first/prev/next/last) pointing at the repository-id form of
 * the URL, as GitHub does, so clients must follow links rather than build them.
 */
export function paginate<T>(ctx: RouteContext, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(ctx.query.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(ctx.query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);

  const linkPath = ctx.repo
    ? ctx.path.replace(/^\/repos\/[^/]+\/[^/]+/, `/repositories/${ctx.repo.id}`)
    : ctx.path;
  const link = (n: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('per_page', String(perPage));
    q.set('page', String(n));
    return `<${ctx.urls.api}${linkPath}?${q.toString()}>`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
  if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
  if (page > 1) rels.push(`${link(1)}; rel="first"`);
  return { items: slice, headers: rels.length > 0 ? { link: rels.join(', ') } : {} };
}
