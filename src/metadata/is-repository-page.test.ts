import { describe, expect, it } from 'vitest';
import { GITHUB_REPOSITORY_PAGES, HUB_REPOSITORY_PAGES, isRepositoryPage } from './is-repository-page.js';

describe('isRepositoryPage', () => {
  it.each([
    { rest: '', pages: GITHUB_REPOSITORY_PAGES, expected: true },
    { rest: '/', pages: GITHUB_REPOSITORY_PAGES, expected: true },
    { rest: '.git', pages: GITHUB_REPOSITORY_PAGES, expected: true },
    { rest: '?tab=readme-ov-file#install', pages: GITHUB_REPOSITORY_PAGES, expected: true },
    { rest: '/tree/main/data', pages: GITHUB_REPOSITORY_PAGES, expected: true },
    { rest: '/blob/main/README.md#L10', pages: GITHUB_REPOSITORY_PAGES, expected: true },
    { rest: '/releases/tag/v1.0', pages: GITHUB_REPOSITORY_PAGES, expected: true },
    { rest: '/assets/8f0c1c1e-uuid', pages: GITHUB_REPOSITORY_PAGES, expected: false },
    { rest: '/lists/medical-llms', pages: GITHUB_REPOSITORY_PAGES, expected: false },
    { rest: '/resolve/main/data.json', pages: HUB_REPOSITORY_PAGES, expected: true },
    { rest: '/viewer/default/train', pages: HUB_REPOSITORY_PAGES, expected: true },
    { rest: '/chapter1/3', pages: HUB_REPOSITORY_PAGES, expected: false },
  ])('$rest → $expected', ({ rest, pages, expected }) => {
    expect(isRepositoryPage(rest, pages)).toBe(expected);
  });
});
