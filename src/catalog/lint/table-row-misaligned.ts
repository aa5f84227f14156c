import type { Table } from '../collect/markdown-model.js';
import type { LintFinding } from '../lint-finding.js';
import type { LintInput, LintRule } from './lint-input.js';

/** Rows needed before a column can be called "the link column" of a table. */
const MIN_ROWS = 3;

/** For each table, for each column: the rows that have a link in it. One pass over the links. */
function rowsWithLinks({ occurrences, locator }: LintInput): Map<Table, Map<number, Set<number>>> {
  const byTable = new Map<Table, Map<number, Set<number>>>();
  const rowIndex = new Map<object, number>();
  for (const occurrence of occurrences) {
    const cell = locator.tableCell(occurrence.usedAt?.offset ?? occurrence.span.start);
    if (!cell) continue;
    if (!rowIndex.has(cell.row)) cell.table.rows.forEach((row, index) => rowIndex.set(row, index));
    const columns = byTable.get(cell.table) ?? new Map<number, Set<number>>();
    const rows = columns.get(cell.cellIndex) ?? new Set<number>();
    rows.add(rowIndex.get(cell.row)!);
    columns.set(cell.cellIndex, rows);
    byTable.set(cell.table, columns);
  }
  return byTable;
}

/**
 * A row whose link sits in a column where no other row has one, while the table's link column is
 * empty in that row: the shape of a row broken in two (the catalog's stray `pairs` row, whose
 * arXiv link landed under "Type"). Cell counts match, so only the shape gives it away.
 */
export const tableRowMisaligned: LintRule = (input) => {
  const findings: LintFinding[] = [];
  for (const [table, columns] of rowsWithLinks(input)) {
    if (table.rows.length < MIN_ROWS) continue;
    const linkColumns = [...columns].filter(([, rows]) => rows.size * 2 >= table.rows.length).map(([column]) => column);
    for (const [column, rows] of columns) {
      if (rows.size !== 1 || linkColumns.includes(column)) continue;
      const row = table.rows[[...rows][0]!]!;
      const emptyLinkColumn = linkColumns.find((linkColumn) => !row.cells[linkColumn]?.text);
      if (emptyLinkColumn === undefined) continue;
      const { line, column: col } = input.lines.position(row.start);
      const header = (index: number): string => table.header[index]?.text || `column ${index + 1}`;
      findings.push({
        code: 'table_row_misaligned',
        message:
          `row "${row.cells[0]?.text || `line ${line}`}" has its link under "${header(column)}", where no other row has one, ` +
          `and nothing under "${header(emptyLinkColumn)}"; it looks like a row broken in two`,
        file: input.file,
        line,
        column: col,
      });
    }
  }
  return findings;
};
