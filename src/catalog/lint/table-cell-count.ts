import type { LintRule } from './lint-input.js';

/**
 * GFM pads short rows with empty cells and silently drops extra ones, links included, so a row
 * with the wrong number of cells usually means a missing or extra `|` that hides content.
 */
export const tableCellCount: LintRule = ({ file, model, lines, dropped }) =>
  model.tables.flatMap((table) =>
    table.rows
      .filter((row) => row.cells.length !== table.header.length)
      .map((row) => {
        const { line, column } = lines.position(row.start);
        const entry = row.cells[0]?.text || `line ${line}`;
        const lost = dropped.filter((drop) => drop.link.anchor >= row.start && drop.link.anchor < row.end);
        const consequence =
          row.cells.length > table.header.length
            ? `GitHub drops the extra cells${lost.length > 0 ? `, hiding ${lost.map((drop) => drop.link.url).join(', ')}` : ''}`
            : 'GitHub pads it with empty cells';
        return {
          code: 'table_cell_count' as const,
          message: `row "${entry}" has ${row.cells.length} cells but the header has ${table.header.length}; ${consequence}`,
          file,
          line,
          column,
        };
      }),
  );
