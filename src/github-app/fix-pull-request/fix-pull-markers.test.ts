import { describe, expect, it } from 'vitest';
import { closedByBotMarker, dataMarker, parseFixPullMarkers } from './fix-pull-markers.js';

describe('fix pull request markers', () => {
  const pairs = [{ from: 'https://a.test/x-->y', to: 'https://a.test/z' }];

  it('carry the pairs intact, even a URL with "-->", and tell a bot close apart', () => {
    const body = `table\n\n${dataMarker({ fingerprint: 'f00d', pairs })}`;
    expect(parseFixPullMarkers(body)).toEqual({ fingerprint: 'f00d', pairs });
    expect(parseFixPullMarkers(`${body}\n${closedByBotMarker(4)}`)).toEqual({ fingerprint: 'f00d', pairs, closedByBot: { run: 4 } });
  });

  it.each([
    ['no marker', 'just text'],
    ['not base64 JSON', '<!-- linkmedic:fix-pull-request data=bm90IGpzb24 -->'],
    ['wrong shape', `<!-- linkmedic:fix-pull-request data=${Buffer.from(JSON.stringify({ v: 1, fingerprint: 'x', pairs: [['only-one']] })).toString('base64url')} -->`],
  ])('treat %s as no state', (_name, body) => {
    expect(parseFixPullMarkers(body)).toBeUndefined();
  });
});
