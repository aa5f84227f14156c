// Text that goes into a GFM table cell: pipes split cells and newlines end rows, whatever the
// context (code spans and link destinations included), so both are always neutralised.

/** Escapes markdown punctuation in plain text, and the pipe, for a table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|#~!])/g, '\\$1');
}

/** Inline code for a table cell: backslashes are literal in code, so only the pipe is escaped (GFM reads `\|` there too). */
export const codeCell = (text: string): string => `\`${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}\``;

/** "https://example.org/a/very/long/path…" for display; the href keeps the whole URL. */
export function shortenUrl(url: string, max = 70): string {
  const bare = url.replace(/^https?:\/\//, '');
  return bare.length <= max ? bare : `${bare.slice(0, max - 1)}…`;
}

/** A link whose destination survives tables: characters that end it or split the cell are percent-encoded. */
export function linkCell(url: string, label: string = shortenUrl(url)): string {
  const href = url.replace(/[ <>|\n\r]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeCell(label)}](<${href}>)`;
}

export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)];
}
