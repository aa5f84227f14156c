import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

async function helpOf(args: string[]): Promise<string> {
  let text = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => void ((text += String(chunk)), done()) });
  const code = await main([...args, '--help'], { stdout: sink, stderr: sink, env: {}, cwd: process.cwd() });
  if (code !== 0) throw new Error(`linkmedic ${args.join(' ')} --help exited ${code}`);
  return text.trimEnd();
}

/** The commands a help text lists under `Commands:` (none for a command without subcommands). */
function listedCommands(help: string): string[] {
  const start = help.indexOf('\nCommands:\n');
  if (start < 0) return [];
  const listed = help.slice(start, help.indexOf('\n\n', start + 1) < 0 ? undefined : help.indexOf('\n\n', start + 1));
  return [...listed.matchAll(/^ {2}([a-z][\w-]*)/gm)].map(([, name]) => name!).filter((name) => name !== 'help');
}

/** The README's command reference: commander's own help for `linkmedic`, each command and subcommand, at 80 columns. */
export async function renderCommandReference(): Promise<string> {
  const sections: Array<readonly [string, string]> = [];
  const add = async (path: string[]): Promise<void> => {
    const help = await helpOf(path);
    sections.push([['linkmedic', ...path].join(' '), help]);
    for (const command of listedCommands(help)) await add([...path, command]);
  };
  await add([]);
  return sections.map(([title, help]) => `#### \`${title}\`\n\n\`\`\`text\n${help}\n\`\`\``).join('\n\n');
}
