import type { LintFinding } from '../lint-finding.js';
import type { LintRule } from './lint-input.js';

/** Rows needed before a column can be called "the link column" of a table. */
const MIN_ROWS = 3;

/**
 * A row whose link sits in a column where no other row has one, while the table's link column is
 * empty in that row: the shape of a row broken in two (the catalog's stray `pairs` row, whose
 * arXiv link landed under "Type"). Cell counts match, so only the shape gives it away.
 */
export const tableRowMisaligned: LintRule = ({ file, model, occurrences, locator, lines }) => {
  const findings: LintFinding[] = [];
  for (const table of model.tables) {
    if (table.rows.length < MIN_ROWS) continue;
    const rowsWithLinkIn = new Map<number, Set<number>>();
    for (const occurrence of occurrences) {
      const cell = locator.tableCell(occurrence.usedAt?.offset ?? occurrence.span.start);
      if (cell?.table !== table) continue;
      const rows = rowsWithLinkIn.get(cell.cellIndex) ?? new Set<number>();
      rows.add(table.rows.indexOf(cell.row));
      rowsWithLinkIn.set(cell.cellIndex, rows);
    }
    const linkColumns = [...rowsWithLinkIn].filter(([, rows]) => rows.size * 2 >= table.rows.length).map(([column]) => column);
    for (const [column, rows] of rowsWithLinkIn) {
      if (rows.size !== 1 || linkColumns.includes(column)) continue;
      const rowIndex = [...rows][0]!;
      const row = table.rows[rowIndex]!;
      const emptyLinkColumn = linkColumns.find((linkColumn) => !row.cells[linkColumn]?.text);
      if (emptyLinkColumn === undefined) continue;
      const { line, column: col } = lines.position(row.start);
      const header = (index: number): string => table.header[index]?.text || `column ${index + 1}`;
      findings.push({
        code: 'table_row_misaligned',
        message:
          `row "${row.cells[0]?.text || `line ${line}`}" has its link under "${header(column)}", where no other row has one, ` +
          `and nothing under "${header(emptyLinkColumn)}"; it looks like a row broken in two`,
        file,
        line,
        column: col,
      });
    }
  }
  return findings;
};
