/**
 * The `https://` form of a plain `http://` link: the same text with only the scheme changed, so
 * a fix rewrites nothing else the author wrote. None for a link with an explicit port (`:8080`
 * names one server, and TLS on that port is another service) or with credentials in it.
 */
export function httpsForm(url: string): string | undefined {
  if (!/^http:\/\//i.test(url) || !URL.canParse(url)) return undefined;
  const rest = url.slice('http://'.length);
  const authority = /^[^/?#\\]*/.exec(rest)![0];
  if (authority.includes(':') || authority.includes('@')) return undefined;
  const secure = `https://${rest}`;
  return URL.canParse(secure) ? secure : undefined;
}
