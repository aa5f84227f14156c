/** Where lines start and end in a document (CR, LF and CRLF end lines). */

/** Start of the line `offset` is in. */
export function lineStart(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text.charCodeAt(index - 1) !== 10 && text.charCodeAt(index - 1) !== 13) index--;
  return index;
}

/** Start of the line after the one `offset` is in (CR, LF and CRLF end lines), or `end`. */
export function nextLineStart(text: string, offset: number, end: number): number {
  for (let index = offset; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) return index + 1;
    if (code === 13) return text.charCodeAt(index + 1) === 10 ? index + 2 : index + 1;
  }
  return end;
}

/** Line endings in `text` between `from` and `to` (a CRLF is one). */
export function lineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count++;
  }
  return count;
}

/** End of the last line's text before `cut` (a line start): where a row running to the cut ends. */
export function lineEndBefore(text: string, cut: number): number {
  let end = cut;
  if (text.charCodeAt(end - 1) === 10) end--;
  if (text.charCodeAt(end - 1) === 13) end--;
  return end;
}
