import { plainText } from '../plain-text.js';
import type { Collector, Table, TableCell, TableRow } from './markdown-model.js';

/** GFM tables: header cells and body rows with each cell's span and visible text. */
export function collectTables(source: string, tables: Table[]): Collector {
  let table: Table | undefined;
  let row: TableRow | undefined;
  let inHead = false;
  let cellEnter = -1;
  return {
    types: ['table', 'tableHead', 'tableRow', 'tableHeader', 'tableData'],
    onEvent(kind, token, index, events) {
      switch (token.type) {
        case 'table':
          // Listed from its start, so the rows of a big table are usable before its end is read; a
          // table read in pieces learns its end as its rows come (see `streamTablePieces`).
          if (kind === 'enter') {
            table = { start: token.start.offset, end: token.end.offset, header: [], rows: [] };
            tables.push(table);
          } else if (table) table.end = token.end.offset;
          break;
        case 'tableHead':
          inHead = kind === 'enter';
          break;
        case 'tableRow':
          if (kind === 'enter') row = { start: token.start.offset, end: token.end.offset, cells: [] };
          else if (table && row) {
            if (inHead) table.header = row.cells;
            else table.rows.push(row);
            table.end = Math.max(table.end, row.end);
          }
          break;
        case 'tableHeader':
        case 'tableData':
          if (kind === 'enter') cellEnter = index;
          else {
            const cell: TableCell = {
              start: token.start.offset,
              end: token.end.offset,
              text: plainText(events, cellEnter, index, source),
            };
            row?.cells.push(cell);
          }
          break;
      }
    },
  };
}
