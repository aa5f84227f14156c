import { describe, expect, it } from 'vitest';
import { githubCatalogKey, localCatalogKey } from './catalog-key.js';
import { githubRepoKey, huggingfaceRepoKey } from './repo-key.js';

describe('history keys', () => {
  it.each([
    ['one file, relative', localCatalogKey(['catalog/list.md'], '/w'), 'local:catalog/list.md'],
    ['absolute paths become relative to cwd', localCatalogKey(['/w/README.md'], '/w'), 'local:README.md'],
    ['order and repeats do not matter', localCatalogKey(['b.md', 'a.md', './b.md'], '/w'), 'local:a.md,b.md'],
    ['GitHub names are case-insensitive', githubCatalogKey('Medical/Awesome-List'), 'github:medical/awesome-list'],
    ['repository keys too', githubRepoKey('BAAI/bge-m3'), 'github:baai/bge-m3'],
    ['Hub keys carry the kind', huggingfaceRepoKey('dataset', 'BigBio/MedQA'), 'huggingface:dataset/bigbio/medqa'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
