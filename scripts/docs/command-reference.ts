import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

async function helpOf(args: string[]): Promise<string> {
  let text = '';
  const sink = new Writable({ write: (chunk, _encoding, done) => void ((text += String(chunk)), done()) });
  const code = await main([...args, '--help'], { stdout: sink, stderr: sink, env: {}, cwd: process.cwd() });
  if (code !== 0) throw new Error(`linkmedic ${args.join(' ')} --help exited ${code}`);
  return text.trimEnd();
}

/** The README's command reference: commander's own help for `linkmedic` and each command, at 80 columns. */
export async function renderCommandReference(): Promise<string> {
  const root = await helpOf([]);
  const listed = root.slice(root.indexOf('\nCommands:\n'), root.indexOf('\n\n', root.indexOf('\nCommands:\n') + 1));
  const commands = [...listed.matchAll(/^ {2}([a-z][\w-]*)/gm)].map(([, name]) => name!).filter((name) => name !== 'help');
  const sections: Array<readonly [string, string]> = [['linkmedic', root]];
  for (const command of commands) sections.push([`linkmedic ${command}`, await helpOf([command])]);
  return sections.map(([title, help]) => `#### \`${title}\`\n\n\`\`\`text\n${help}\n\`\`\``).join('\n\n');
}
