import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Hosts that are another name for the same forge: GitHub's SSH-over-HTTPS endpoint serves the
// same repositories as github.com, so a clone made through it must not start a history of its own.
const HOST_ALIASES: ReadonlyMap<string, string> = new Map([
  ['ssh.github.com', 'github.com'],
  ['www.github.com', 'github.com'],
]);

/** `scheme://…`, as git spells URLs (git+ssh and the like included). */
const SCHEME_URL = /^([a-z][a-z0-9+.-]*):\/\//i;
/** git's scp-like form `[user@]host:path`: recognised only when no slash comes before the first colon. */
const SCP_LIKE = /^(?:[^@/]+@)?(\[[^\]/]+\]|[^:/]+):(.*)$/s;
/** A remote helper's prefix (`persistent-https::https://…`): the address after it names the repository. */
const HELPER_PREFIX = /^[a-z][a-z0-9+.-]*::/i;

/** `host/owner/repo`: no user, password or port (one repository answers over SSH and HTTPS alike). */
function forgeKey(host: string, repoPath: string): string {
  const bareHost = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  // GitHub, GitLab and Bitbucket all resolve owner and repository names case-insensitively.
  const name = repoPath.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/i, '').replace(/\/+$/, '');
  return `${HOST_ALIASES.get(bareHost) ?? bareHost}/${name.toLowerCase()}`;
}

/** A repository on this machine: its absolute path, without the `.git` a bare clone's folder ends in. */
function pathKey(folder: string): string {
  const normal = path.resolve(folder).split(path.sep).join('/');
  return normal.replace(/\/\.git$/i, '').replace(/\.git$/i, '') || '/';
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * The repository a git remote URL names, the same whichever way it was cloned:
 * `git@github.com:Owner/Repo.git`, `https://github.com/owner/repo`, `ssh://git@github.com:22/owner/repo`
 * all give `github.com/owner/repo`. Credentials in the URL (`https://user:token@…`) are dropped, so
 * a token never lands in the history database. A path remote (`/srv/git/repo.git`, `file:///…`, or
 * relative to the work tree `topFolder`, as git reads it) gives its absolute path.
 */
export function gitRemoteKey(remote: string, topFolder: string): string {
  const url = remote.trim().replace(HELPER_PREFIX, '');
  const scheme = SCHEME_URL.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    try {
      return pathKey(fileURLToPath(url));
    } catch {
      return pathKey(url.slice('file://'.length));
    }
  }
  if (scheme) {
    const parsed = URL.parse(url);
    // Unparseable (a remote helper's own address form): kept as written, less any credentials.
    if (!parsed) return url.replace(/^([^:]+:\/\/)[^@/]*@/, '$1').toLowerCase();
    return forgeKey(parsed.hostname, decodedPath(parsed.pathname));
  }
  const scp = path.isAbsolute(url) ? null : SCP_LIKE.exec(url);
  if (scp) return forgeKey(scp[1]!, scp[2]!);
  return pathKey(path.resolve(topFolder, url));
}
