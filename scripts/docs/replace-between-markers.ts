/**
 * Replaces what lies between `<!-- NAME:start -->` and `<!-- NAME:end -->` (markers kept), so a
 * generated block can sit inside hand-written prose. Both markers must be there.
 */
export function replaceBetweenMarkers(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md: missing the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${content.trim()}\n${text.slice(to)}`;
}
