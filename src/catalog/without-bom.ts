/** The parser drops a byte order mark, so offsets are relative to the text after it. */
export const withoutBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);
