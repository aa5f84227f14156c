/**
 * A git-style unified diff body (hunks only, 3 lines of context) with its line counts, as the
 * `patch` field of GitHub's file entries carries it. LCS over lines: fine for catalog sizes.
 */
export function unifiedDiff(before: string, after: string): { patch: string; additions: number; deletions: number } {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffOps(a, b);
  let additions = 0;
  let deletions = 0;
  for (const op of ops) {
    if (op.kind === '+') additions++;
    if (op.kind === '-') deletions++;
  }
  return { patch: hunks(ops, a), additions, deletions };
}

interface Op {
  kind: ' ' | '+' | '-';
  text: string;
  aLine: number;
  bLine: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function diffOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i]!, aLine: ++i, bLine: ++j });
    // Deletions before additions, as git prints a replaced line.
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', text: a[i]!, aLine: ++i, bLine: j });
    else ops.push({ kind: '+', text: b[j]!, aLine: i, bLine: ++j });
  }
  return ops;
}

function hunks(ops: Op[], a: string[], context = 3): string {
  const changed = ops.map((o, idx) => (o.kind === ' ' ? -1 : idx)).filter((x) => x >= 0);
  if (changed.length === 0) return '';
  const groups: Array<[number, number]> = [];
  for (const idx of changed) {
    const last = groups.at(-1);
    if (last && idx - last[1] <= context * 2) last[1] = idx;
    else groups.push([idx, idx]);
  }
  const out: string[] = [];
  for (const [from, to] of groups) {
    const start = Math.max(0, from - context);
    const end = Math.min(ops.length - 1, to + context);
    const slice = ops.slice(start, end + 1);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    const first = slice[0]!;
    // An insertion (deletion) records the line *before* it on the other side.
    const aFrom = first.kind === '+' && aCount > 0 ? first.aLine + 1 : first.aLine;
    const bFrom = first.kind === '-' && bCount > 0 ? first.bLine + 1 : first.bLine;
    out.push(`@@ -${aFrom},${aCount} +${bFrom},${bCount} @@${funcname(a, aFrom)}`);
    for (const o of slice) out.push(`${o.kind}${o.text}`);
  }
  return out.join('\n');
}

/**
 * git's default hunk-header context: the nearest line above the hunk that starts with a
 * letter, `_` or `$` (GitHub's `patch` carries it too).
 */
function funcname(a: string[], hunkStart: number): string {
  for (let i = hunkStart - 2; i >= 0; i--) {
    if (/^[A-Za-z_$]/.test(a[i]!)) return ` ${a[i]!.slice(0, 80).trimEnd()}`;
  }
  return '';
}
