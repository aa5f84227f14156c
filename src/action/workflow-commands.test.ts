import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationCommand, MAX_SUMMARY_BYTES, workflowCommand, writeOutputs, writeSummary } from './workflow-commands.js';

describe('workflow commands', () => {
  const cases: Array<[string, string, Record<string, string | number | undefined>, string, string]> = [
    ['a plain message', 'warning', {}, 'slow host', '::warning::slow host'],
    ['line breaks and % in the message', 'error', {}, '100% broken\r\nsee below', '::error::100%25 broken%0D%0Asee below'],
    ['separators inside property values, not in the message', 'error', { file: 'docs/a,b.md', title: 'Broken: link' }, 'https://x.example/a,b', '::error file=docs/a%2Cb.md,title=Broken%3A link::https://x.example/a,b'],
    ['absent properties left out', 'notice', { file: 'README.md', line: 3, col: undefined }, 'moved', '::notice file=README.md,line=3::moved'],
  ];
  it.each(cases)('%s', (_name, command, properties, message, line) => {
    expect(workflowCommand(command, properties, message)).toBe(line);
  });

  it('turns a check annotation into the runner\'s annotation on the same place', () => {
    const failure = { path: 'README.md', start_line: 7, end_line: 7, start_column: 12, end_column: 40, annotation_level: 'failure', title: 'Broken link', message: 'https://x.example/: dead (http_404).' } as const;
    expect(annotationCommand(failure)).toBe('::error file=README.md,line=7,endLine=7,col=12,endColumn=40,title=Broken link::https://x.example/: dead (http_404).');
    expect(annotationCommand({ ...failure, annotation_level: 'warning', start_column: undefined, end_column: undefined })).toBe('::warning file=README.md,line=7,endLine=7,title=Broken link::https://x.example/: dead (http_404).');
  });
});

describe('step files', () => {
  const file = () => {
    const name = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-step-')), 'file');
    writeFileSync(name, 'earlier<<EOF\nkept\nEOF\n');
    return name;
  };

  it('appends outputs with a delimiter no value can contain, after what earlier steps wrote', () => {
    const output = file();
    writeOutputs(output, { dead: 2, 'report-url': 'https://github.com/acme/awesome/issues/3' });
    const text = readFileSync(output, 'utf8');
    expect(text).toMatch(/^earlier<<EOF\nkept\nEOF\ndead<<(ghadelimiter_[0-9a-f-]{36})\n2\n\1\nreport-url<<(ghadelimiter_[0-9a-f-]{36})\nhttps:\/\/github\.com\/acme\/awesome\/issues\/3\n\2\n$/);
  });

  it('cuts a summary over 1 MiB, saying so, rather than have the step\'s summary refused', () => {
    const summary = file();
    writeSummary(summary, `# Big\n${'| row | é |\n'.repeat(120_000)}`);
    const text = readFileSync(summary, 'utf8');
    expect(Buffer.byteLength(text) - Buffer.byteLength('earlier<<EOF\nkept\nEOF\n')).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(text.endsWith('… (cut: the summary of a step holds at most 1 MiB)\n')).toBe(true);
    expect(text).not.toContain('\uFFFD');
  });
});
