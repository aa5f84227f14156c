import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';

const COMMANDS = ['check', 'extract', 'report'];
const version = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('linkmedic help and errors', () => {
  it('--help lists every command, the exit codes and examples', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect([code, stderr]).toEqual([0, '']);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command} \\[options\\] \\[files\\.\\.\\.\\] +\\S`, 'm'));
    expect(stdout).toContain('Exit codes: 0 ok, 1 dead links found, 2 usage, input or config error, 3 inconclusive');
    expect(stdout).toContain('linkmedic report --format html --output report.html');
  });

  it.each(COMMANDS.flatMap((command) => [[command, '--help'], ['help', command]]))('%s %s: usage, description and every option', async (...args) => {
    const command = args[0] === 'help' ? args[1]! : args[0]!;
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: linkmedic ${command} \\[options\\] \\[files\\.\\.\\.\\]\\n\\n[A-Z]`));
    expect(stdout).toMatch(/^ {2}-h, --help +display help for command$/m);
    if (command !== 'extract') expect(stdout).toMatch(/--format <format>\s+output format \(choices:\s+"text",\s+"json",\s+"markdown",\s+"html",\s+default:\s+"text"\)/);
  });

  it('every command listed by --help has its own help', async () => {
    const { stdout } = await runCli(['--help']);
    const listed = stdout.slice(stdout.indexOf('Commands:'), stdout.indexOf('\n\n', stdout.indexOf('Commands:')));
    const names = [...listed.matchAll(/^ {2}([a-z][\w-]*)/gm)].map(([, name]) => name!).filter((name) => name !== 'help');
    expect(names).toEqual(expect.arrayContaining(COMMANDS));
    for (const name of names) {
      const help = await runCli([name, '--help']);
      expect([name, help.code, help.stdout.split('\n')[0]]).toEqual([name, 0, expect.stringMatching(new RegExp(`^Usage: linkmedic ${name} `))]);
    }
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    { args: ['check', '--bogus'], line: "linkmedic: unknown option '--bogus' (run linkmedic check --help for usage)" },
    { args: ['chek'], line: "linkmedic: unknown command 'chek'; did you mean check? (run linkmedic --help for usage)" },
    { args: ['check', '--timeout', 'soon'], line: "linkmedic: option '--timeout <ms>' argument 'soon' is invalid. expected a positive whole number (run linkmedic check --help for usage)" },
    { args: ['extract', '/no/such/file.md'], line: 'linkmedic: /no/such/file.md: no such file or directory' },
  ])('$args: exit 2 and one line, no stack', async ({ args, line }) => {
    const { code, stdout, stderr } = await runCli(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.startsWith(line)).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
