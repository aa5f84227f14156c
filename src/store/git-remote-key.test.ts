import { describe, expect, it } from 'vitest';
import { gitRemoteKey } from './git-remote-key.js';

describe('gitRemoteKey: one repository, however its remote is written', () => {
  it.each([
    ['scp-like with a user', 'git@github.com:Owner/Repo.git', 'github.com/owner/repo'],
    ['scp-like without a user', 'github.com:owner/repo', 'github.com/owner/repo'],
    ['https', 'https://github.com/owner/repo', 'github.com/owner/repo'],
    ['https with .git and a trailing slash', 'https://github.com/owner/repo.git/', 'github.com/owner/repo'],
    ['host case', 'https://GitHub.COM/Owner/Repo', 'github.com/owner/repo'],
    ['credentials are dropped', 'https://x-access-token:ghs_secret@github.com/owner/repo.git', 'github.com/owner/repo'],
    ['ssh URL with a port', 'ssh://git@host.example:22/owner/repo', 'host.example/owner/repo'],
    ['ssh on a custom port, same repository as https', 'ssh://git@gitlab.example.com:2222/group/repo.git', 'gitlab.example.com/group/repo'],
    ['GitHub over port 443', 'ssh://git@ssh.github.com:443/Owner/Repo.git', 'github.com/owner/repo'],
    ['git+ssh', 'git+ssh://git@github.com/owner/repo.git', 'github.com/owner/repo'],
    ['git protocol', 'git://host.example/path/to/repo.git', 'host.example/path/to/repo'],
    ['nested groups', 'https://gitlab.com/Group/Sub/Project.git', 'gitlab.com/group/sub/project'],
    ['a query and fragment are not the repository', 'https://host.example/owner/repo?ref=main#top', 'host.example/owner/repo'],
    ['~user paths', 'ssh://host.example/~alice/repo.git', 'host.example/~alice/repo'],
    ['scp-like ~user', 'alice@host.example:~alice/repo.git', 'host.example/~alice/repo'],
    ['an IPv6 host', 'ssh://git@[::1]:22/owner/repo', '::1/owner/repo'],
    ['a remote helper prefix', 'persistent-https::https://github.com/owner/repo', 'github.com/owner/repo'],
    ['surrounding blanks', '  https://github.com/owner/repo  ', 'github.com/owner/repo'],
    ['an absolute path', '/srv/git/Repo.git', '/srv/git/Repo'],
    ['a non-bare clone', '/srv/work/repo/.git', '/srv/work/repo'],
    ['a file URL', 'file:///srv/git/Repo.git', '/srv/git/Repo'],
    ['a path relative to the work tree', '../shared/repo.git', '/home/me/shared/repo'],
    ['a relative path with a colon after a slash is a path', './odd:name', '/home/me/project/odd:name'],
  ])('%s: %s', (_name, remote, expected) => {
    expect(gitRemoteKey(remote, '/home/me/project')).toBe(expected);
  });
});
