import { describe, expect, it } from 'vitest';
import { githubRepoUrl, parseGithubRepoUrl } from './parse-github-repo-url.js';

describe('parseGithubRepoUrl', () => {
  it.each([
    ['https://github.com/FreedomIntelligence/HuatuoGPT', 'FreedomIntelligence', 'HuatuoGPT', ''],
    ['https://www.github.com/allenai/ms2/', 'allenai', 'ms2', '/'],
    ['http://github.com/dmis-lab/biobert', 'dmis-lab', 'biobert', ''],
    ['https://github.com/deepmind/alphafold.git', 'deepmind', 'alphafold', ''],
    ['https://github.com/Instruction-Tuning-with-GPT-4/GPT-4-LLM/tree/main/data', 'Instruction-Tuning-with-GPT-4', 'GPT-4-LLM', '/tree/main/data'],
    ['https://github.com/tatsu-lab/stanford_alpaca/blob/main/alpaca_data.json', 'tatsu-lab', 'stanford_alpaca', '/blob/main/alpaca_data.json'],
    ['https://github.com/o/r/releases?page=2#latest', 'o', 'r', '/releases?page=2#latest'],
    ['https://GitHub.com/some-org/repo.name_v2', 'some-org', 'repo.name_v2', ''],
  ])('%s → %s/%s + %s', (url, owner, repo, rest) => {
    expect(parseGithubRepoUrl(url)).toEqual({ owner, repo, rest });
  });

  it.each([
    ['GitHub pages', 'https://github.com/about/careers'],
    ['topics', 'https://github.com/topics/medical'],
    ['orgs', 'https://github.com/orgs/SCIR-HI/repositories'],
    ['sponsors', 'https://github.com/sponsors/someone'],
    ['marketplace', 'https://github.com/marketplace/actions/foo'],
    ['features', 'https://github.com/features/copilot'],
    ['settings', 'https://github.com/settings/tokens'],
    ['a README attachment', 'https://github.com/user-attachments/assets/0a1b2c3d-1111-2222-3333-444455556666'],
    ['an advisory', 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q'],
    ['a star list', 'https://github.com/stars/octocat/lists/ml'],
    ['user page', 'https://github.com/SCIR-HI/'],
    ['user page without slash', 'https://github.com/SCIR-HI'],
    ['root', 'https://github.com/'],
    ['escaped underscore as rendered', 'https://github.com/qiuweipku/Plain%5C_language_summarization'],
    ['trailing punctuation glued by autolinking', 'https://github.com/onejune2018/Awesome-Medical-Healthcare-Dataset-For-LLM%7D%7D,'],
    ['gist', 'https://gist.github.com/someone/abc123'],
    ['raw content', 'https://raw.githubusercontent.com/o/r/main/x'],
    ['other host', 'https://gitlab.com/o/r'],
    ['lookalike host', 'https://github.com.evil.example/o/r'],
    ['explicit port', 'https://github.com:8443/o/r'],
    ['non-http scheme', 'git://github.com/o/r'],
    ['not a URL', 'github.com/o/r'],
    ['dot segments', 'https://github.com/o/..'],
    ['account name with a dot', 'https://github.com/some.org/repo'],
  ])('rejects %s', (_case, url) => {
    expect(parseGithubRepoUrl(url)).toBeUndefined();
  });

  it('builds the canonical URL with the rest of a link', () => {
    expect(githubRepoUrl('new-owner/new-name', '/tree/main/x')).toBe('https://github.com/new-owner/new-name/tree/main/x');
  });
});
