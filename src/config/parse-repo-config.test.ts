import { describe, expect, it } from 'vitest';
import { parseRepoConfig } from './parse-repo-config.js';
import { DEFAULT_FILES } from './repo-config.js';

describe('parseRepoConfig', () => {
  it('fills every default for an empty file', () => {
    expect(parseRepoConfig('')).toEqual({
      files: DEFAULT_FILES,
      exclude: [],
      schedule: 'nightly',
      issues: { enabled: true, labels: ['linkmedic', 'dead link'], maxNewPerRun: 10 },
      fixes: { enabled: true, redirects: true, renames: true, markdown: true, archive: false, https: true },
      deadAfter: { runs: 3, hours: 48 },
      report: { enabled: true, title: 'Link health report' },
      allowPrivateNetworks: false,
      timeoutMs: 30_000,
    });
  });

  it('keeps what the maintainer wrote and defaults the rest of a section', () => {
    const config = parseRepoConfig('files: [README.md]\nissues:\n  maxNewPerRun: 3\nfixes:\n  archive: true\nschedule: weekly\n');
    expect(config.files).toEqual(['README.md']);
    expect(config.issues).toEqual({ enabled: true, labels: ['linkmedic', 'dead link'], maxNewPerRun: 3 });
    expect(config.fixes.archive).toBe(true);
    expect(config.fixes.redirects).toBe(true);
    expect(config.schedule).toBe('weekly');
  });

  it.each([
    { yaml: 'fils: [README.md]', message: /\(top level\): unknown key fils/ },
    { yaml: 'issues:\n  max: 3', message: /issues: unknown key max/ },
    { yaml: 'schedule: hourly', message: /schedule: Invalid option/ },
    { yaml: 'exclude: ["(unclosed"]', message: /exclude\.0: not a valid regular expression/ },
    { yaml: 'deadAfter: {runs: 0, hours: 48}', message: /deadAfter\.runs:/ },
    { yaml: 'files: [README.md', message: /is not valid YAML/ },
    { yaml: '- just\n- a list', message: /\(top level\):/ },
  ])('rejects $yaml with a message naming the key', ({ yaml, message }) => {
    expect(() => parseRepoConfig(yaml)).toThrow(message);
    try {
      parseRepoConfig(yaml);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
      expect(String((error as Error).message)).not.toContain('\n');
    }
  });
});
