import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli-harness.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'linkmedic-cli-'));
const write = (name: string, content: string | Buffer): string => {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
};

describe('linkmedic extract', () => {
  it('reads the bundled catalog when no file is given', async () => {
    const { code, stdout, stderr } = await runCli(['extract']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('catalog/awesome-medical-healthcare-dataset-for-llm.md:55:70  bare');
    expect(stdout).toMatch(/236 links \(212 distinct\) in 1 file, \d+ findings\n$/);
  });

  it('prints the documented JSON document with --json', async () => {
    const file = write('one.md', '# S\n\n- Entry [x](https://a.example/x)\n- Other http://b.example\n');
    const { code, stdout } = await runCli(['extract', file, '--json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document).toMatchObject({
      schemaVersion: 1,
      summary: { files: 1, occurrences: 2, distinctUrls: 2, findings: 1 },
      files: [
        {
          file,
          occurrences: [
            { url: 'https://a.example/x', kind: 'inline', text: 'x', line: 3, column: 13, span: { start: 17, end: 36 }, section: ['S'], entry: 'Entry' },
            { url: 'http://b.example', kind: 'bare', line: 4, entry: 'Other' },
          ],
          findings: [{ code: 'insecure_http', line: 4, column: 9 }],
        },
      ],
    });
  });

  it('searches a folder for markdown files', async () => {
    const folder = path.join(scratch, 'docs');
    mkdirSync(path.join(folder, 'nested'), { recursive: true });
    writeFileSync(path.join(folder, 'a.md'), '[a](https://a.example)');
    writeFileSync(path.join(folder, 'nested', 'b.markdown'), '[b](https://b.example)');
    writeFileSync(path.join(folder, 'notes.txt'), '[c](https://c.example)');
    const { code, stdout } = await runCli(['extract', folder, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files.map((file: { file: string }) => path.basename(file.file))).toEqual(['a.md', 'b.markdown']);
  });

  it.each([
    { name: 'a missing file', args: () => [path.join(scratch, 'missing.md')], message: /missing\.md: no such file or directory/ },
    { name: 'a folder without markdown', args: () => [mkdtempSync(path.join(scratch, 'empty-'))], message: /contains no markdown files/ },
    { name: 'a binary file', args: () => [write('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))], message: /is a binary file/ },
    { name: 'invalid UTF-8', args: () => [write('latin1.md', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))], message: /is not UTF-8 text/ },
    // Linux answers EIO for reading this file, as it answers EACCES for a file without read permission.
    { name: 'a file that cannot be read', args: () => ['/proc/self/mem'], message: /^linkmedic: \/proc\/self\/mem cannot be read \(EIO\)/ },
    { name: 'a file over 10 MB', args: () => [write('huge.md', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'))], message: /is 10\.0 MB; linkmedic reads markdown files up to 10 MB/ },
    { name: 'an unknown option', args: () => ['--frobnicate'], message: /unknown option '--frobnicate'/ },
  ])('refuses $name with one line on stderr and exit code 2', async ({ args, message }) => {
    const { code, stdout, stderr } = await spawnCli(['extract', ...args()]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
