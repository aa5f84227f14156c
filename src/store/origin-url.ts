// Reads one value from a git config file, following git's own syntax (git-config(1), "Syntax"):
// section names and keys are case-insensitive, a quoted subsection is not, values may be quoted,
// hold `\"`, `\\`, `\n`, `\t`, `\b` escapes, end at an unquoted `#` or `;`, and go on past a
// backslash at the end of a line. An INI parser gets the quoting, escapes and subsections wrong.

/** `[section]`, `[section "subsection"]` or the old `[section.subsection]`, then maybe a key on the same line. */
const HEADER = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]/;
const KEY = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*(=?)/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', b: '\b', '"': '"', '\\': '\\' };

/** A value from `start` on, as git reads it (undefined for an escape git refuses); `end` is where the next line starts. */
function readValue(text: string, start: number): { value: string | undefined; end: number } {
  let value = '';
  let pendingSpace = '';
  let quoted = false;
  let comment = false;
  let index = start;
  for (; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') break;
    if (comment) continue;
    if (char === '\\') {
      const next = text[index + 1];
      if (next === '\n' || (next === '\r' && text[index + 2] === '\n')) {
        index += next === '\r' ? 2 : 1;
        continue;
      }
      const escaped = next === undefined ? undefined : ESCAPES[next];
      if (escaped === undefined) return { value: undefined, end: text.indexOf('\n', index) + 1 || text.length };
      value += pendingSpace + escaped;
      pendingSpace = '';
      index++;
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '#' || char === ';')) comment = true;
    else if (!quoted && (char === ' ' || char === '\t' || char === '\r')) {
      // Leading and trailing blanks are dropped, blanks between words kept.
      if (value !== '' && char !== '\r') pendingSpace += char;
    } else {
      value += pendingSpace + char;
      pendingSpace = '';
    }
  }
  return { value, end: index + 1 };
}

/** The first `url` of `[remote "origin"]` (git fetches from the first), or undefined. */
export function originUrl(config: string): string | undefined {
  let inOrigin = false;
  let index = 0;
  while (index < config.length) {
    const newline = config.indexOf('\n', index);
    const lineEnd = newline === -1 ? config.length : newline;
    let position = index;
    while (config[position] === ' ' || config[position] === '\t') position++;
    const header = HEADER.exec(config.slice(position, lineEnd));
    if (header) {
      const section = header[1]!.toLowerCase();
      const subsection = header[2]?.replace(/\\(.)/g, '$1');
      // The old dotted form lower-cases its subsection; the quoted form keeps case.
      inOrigin = subsection === undefined ? section === 'remote.origin' : section === 'remote' && subsection === 'origin';
      position += header[0].length;
      while (config[position] === ' ' || config[position] === '\t') position++;
    }
    const key = KEY.exec(config.slice(position, lineEnd));
    if (!key || key[2] !== '=') {
      index = lineEnd + 1;
      continue;
    }
    // Every value is read through, so a value continued onto the next line is never taken for a key.
    const { value, end } = readValue(config, position + key[0].length);
    if (inOrigin && key[1]!.toLowerCase() === 'url') return value;
    index = end;
  }
  return undefined;
}
