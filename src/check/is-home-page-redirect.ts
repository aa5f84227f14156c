/** Common language roots (`/en`, `/zh-cn/`): sites send vanished pages to the localised home. */
const LANGUAGES = 'ar|cs|da|de|el|en|es|fa|fi|fr|he|hi|hu|id|it|ja|ko|ms|nb|nl|no|pl|pt|ro|ru|sv|th|tr|uk|vi|zh';

/** `/`, `/index.html`, `/home`, `/en`, `/en-us/`: what sites redirect vanished pages to. */
const ROOT_LIKE = new RegExp(`^/(?:(?:index|default|home)(?:\\.[a-z]+)?/?|(?:${LANGUAGES})(?:[-_][a-z]{2,4})?/?)?$`, 'i');

/** Link shorteners legitimately redirect to home pages. */
const SHORTENERS = new Set(['bit.ly', 't.co', 'goo.gl', 'tinyurl.com', 'ow.ly', 'buff.ly', 'is.gd', 'rebrand.ly']);

/**
 * True when a deep link (a path other than the root, or the root with a query) ended on a site's
 * home page: the classic soft 404 of moved or deleted pages. Any host: parked and sold domains
 * send every path to a new site's root.
 */
export function isHomePageRedirect(start: URL, final: URL): boolean {
  if (!ROOT_LIKE.test(final.pathname) || final.search !== '') return false;
  if (ROOT_LIKE.test(start.pathname) && start.search === '') return false;
  return !SHORTENERS.has(start.hostname.toLowerCase().replace(/^www\./, ''));
}
