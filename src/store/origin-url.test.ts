import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { originUrl } from './origin-url.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'linkmedic-git-config-'));

/**
 * What git itself reads from the same text, the oracle: the first of `--get-all`, as `git remote
 * get-url` and fetch take the first URL of a remote that has several.
 */
function gitReads(text: string, name: string): string | undefined {
  const file = path.join(scratch, `${name.replace(/\W+/g, '-')}.config`);
  writeFileSync(file, text);
  try {
    return execFileSync('git', ['config', '-f', file, '--get-all', 'remote.origin.url'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined; // exit 1: no such key
  }
}

describe('originUrl reads remote.origin.url as git does', () => {
  it.each([
    ['a clone\'s config', '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:Owner/Repo.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n', 'git@github.com:Owner/Repo.git'],
    ['no remote', '[core]\n\tbare = false\n', undefined],
    ['another remote only', '[remote "upstream"]\n\turl = https://github.com/up/repo\n', undefined],
    ['origin after another remote', '[remote "upstream"]\n\turl = https://a.example/up\n[remote "origin"]\n\turl = https://b.example/mine\n', 'https://b.example/mine'],
    ['section and key case', '[REMOTE "origin"]\n\tURL = https://a.example/x\n', 'https://a.example/x'],
    ['subsection case matters', '[remote "Origin"]\n\turl = https://a.example/x\n', undefined],
    ['the old dotted form', '[remote.origin]\n\turl = https://a.example/x\n', 'https://a.example/x'],
    ['a comment after the value', '[remote "origin"]\n\turl = https://a.example/x # mine\n', 'https://a.example/x'],
    ['a quoted semicolon', '[remote "origin"]\n\turl = "https://a.example/x;y"\n', 'https://a.example/x;y'],
    ['escapes', '[remote "origin"]\n\turl = "C:\\\\repos\\\\x"\n', 'C:\\repos\\x'],
    ['a continued line', '[remote "origin"]\n\turl = https://a.example/\\\nx\n', 'https://a.example/x'],
    ['a continued value elsewhere is not a key', '[core]\n\tnote = a \\\nurl = nope\n[remote "origin"]\n\turl = https://a.example/yes\n', 'https://a.example/yes'],
    ['the first of several urls', '[remote "origin"]\n\turl = https://a.example/one\n\turl = https://a.example/two\n', 'https://a.example/one'],
    ['a key on the header line', '[remote "origin"] url = https://a.example/x\n', 'https://a.example/x'],
    ['CRLF line ends', '[remote "origin"]\r\n\turl = https://a.example/x\r\n', 'https://a.example/x'],
    ['commented-out lines', '[remote "origin"]\n#\turl = https://a.example/old\n;\turl = https://a.example/older\n\turl = https://a.example/x\n', 'https://a.example/x'],
    ['blanks inside a value are kept', '[remote "origin"]\n\turl = /srv/my  repos/x  \n', '/srv/my  repos/x'],
    ['no final newline', '[remote "origin"]\n\turl = https://a.example/x', 'https://a.example/x'],
  ])('%s', (name, text, expected) => {
    expect(originUrl(text)).toBe(expected);
    expect(gitReads(text, name)).toBe(expected);
  });
});
