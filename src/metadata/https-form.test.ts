import { describe, expect, it } from 'vitest';
import { httpsForm } from './https-form.js';

describe('httpsForm', () => {
  it.each<[string, string | undefined]>([
    ['http://example.org/a/b?q=1#part', 'https://example.org/a/b?q=1#part'],
    ['http://example.org', 'https://example.org'], // the author's text, not a normalised URL
    ['HTTP://Example.org/Path', 'https://Example.org/Path'],
    ['http://www.example.org/a%20b', 'https://www.example.org/a%20b'],
    ['https://example.org/', undefined],
    ['ftp://example.org/', undefined],
    ['./docs/http://x', undefined],
    ['http://example.org:8080/', undefined], // another port is another service
    ['http://example.org:80/', undefined], // https on port 80 is not the https form
    ['http://user:secret@example.org/', undefined],
    ['http://[::1]/', undefined],
    ['http://exa mple.org/', undefined],
  ])('%s → %s', (url, expected) => {
    expect(httpsForm(url)).toBe(expected);
  });
});
