import { describe, expect, it } from 'vitest';
import { hasCloseState, keyMarker, parseIssueMarkers, withCloseState } from './issue-markers.js';
import { codeSpan, escapeCell } from './markdown-text.js';

describe('dead-link issue markers', () => {
  const body = `Visible text\n\n${keyMarker({ key: 'ab12', fingerprint: 'cd34', openedRun: 9 })}`;

  it('survive a round trip through the close states, and only the latest state is kept', () => {
    const botClosed = withCloseState(body, { botClose: { reason: 'recovered', run: 11 } });
    expect(parseIssueMarkers(botClosed)).toEqual({ key: 'ab12', fingerprint: 'cd34', openedRun: 9, botClose: { reason: 'recovered', run: 11 } });
    const ignored = withCloseState(botClosed, { ignored: { by: 'maintainer', closedAt: '2026-11-05T10:00:00Z' } });
    expect(parseIssueMarkers(ignored)).toEqual({ key: 'ab12', fingerprint: 'cd34', openedRun: 9, ignored: { by: 'maintainer', closedAt: '2026-11-05T10:00:00Z' } });
    expect(hasCloseState(ignored)).toBe(true);
    expect(withCloseState(ignored)).toBe(body);
    expect(hasCloseState(body)).toBe(false);
  });

  it.each([null, '', 'no marker here', '<!-- linkmedic:dead-link key=zz -->'])('ignore a body without a complete marker: %j', (text) => {
    expect(parseIssueMarkers(text)).toBeUndefined();
  });
});

describe('catalog text in bot-written markdown', () => {
  it.each([
    ['Model | v2', 'Model \\| v2'],
    ['by @someone', 'by @\u200bsomeone'],
    ['<img src=x>', '&lt;img src=x>'],
    ['two\nlines', 'two lines'],
  ])('escapeCell(%j) = %j', (input, expected) => {
    expect(escapeCell(input)).toBe(expected);
  });

  it.each([
    ['https://a.test/x', '`https://a.test/x`'],
    ['https://a.test/`x`', '`` https://a.test/`x` ``'],
  ])('codeSpan(%j) = %j', (input, expected) => {
    expect(codeSpan(input)).toBe(expected);
  });
});
