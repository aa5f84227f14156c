/** Maps string offsets to 1-based line and column (columns count characters, not UTF-16 units). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly source: string) {
    for (let index = 0; index < source.length; index++) {
      const char = source.charCodeAt(index);
      if (char === 10 || (char === 13 && source.charCodeAt(index + 1) !== 10)) this.starts.push(index + 1);
    }
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    const lineStart = this.starts[line - 1]!;
    // Characters, as `[...text].length` counts them: a surrogate pair is one.
    let column = offset - lineStart + 1;
    for (let index = lineStart + 1; index < offset; index++) {
      const code = this.source.charCodeAt(index);
      if (code >= 0xdc00 && code <= 0xdfff && (this.source.charCodeAt(index - 1) & 0xfc00) === 0xd800) column--;
    }
    return { line, column };
  }
}
