import type { Heading, ListItem, MarkdownModel, Table, TableRow } from './collect/markdown-model.js';
import type { LinkContext } from './link-occurrence.js';

export interface TableCellLocation {
  table: Table;
  row: TableRow;
  cellIndex: number;
}

/** Index of the last item whose `start` is at or before `offset` (items sorted by start), or -1. */
function lastStartingBefore<T extends { start: number }>(items: readonly T[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * Answers "where in the catalog is this offset?": heading path, table cell, list item. Reads the
 * model as it grows (`update` after each slice); every lookup is a binary search so a 10 MB file
 * stays fast.
 */
export class ContextLocator {
  private readonly sections: Array<{ start: number; path: string[] }> = [];
  private readonly headingStack: Heading[] = [];
  private readonly items: ListItem[] = [];
  /** For each item, the index of the item it is nested in (-1 at top level). */
  private readonly parents: number[] = [];
  private readonly openItems: number[] = [];
  private itemsRead = 0;

  constructor(private readonly model: MarkdownModel) {
    this.update();
  }

  /** Takes in what the model gained; each slice's items start after every earlier slice's. */
  update(): void {
    for (const heading of this.model.headings.slice(this.sections.length)) {
      const stack = this.headingStack;
      while (stack.length > 0 && stack.at(-1)!.depth >= heading.depth) stack.pop();
      stack.push(heading);
      this.sections.push({ start: heading.offset, path: stack.map((open) => open.text) });
    }
    const added = this.model.listItems.slice(this.itemsRead).sort((a, b) => a.start - b.start);
    this.itemsRead = this.model.listItems.length;
    for (const item of added) {
      const open = this.openItems;
      while (open.length > 0 && this.items[open.at(-1)!]!.end <= item.start) open.pop();
      this.parents.push(open.at(-1) ?? -1);
      open.push(this.items.length);
      this.items.push(item);
    }
  }

  tableCell(offset: number): TableCellLocation | undefined {
    const { tables } = this.model;
    const table = tables[lastStartingBefore(tables, offset)];
    if (!table || offset >= table.end) return undefined;
    const row = table.rows[lastStartingBefore(table.rows, offset)];
    if (!row || offset >= row.end) return undefined;
    const cellIndex = lastStartingBefore(row.cells, offset);
    return cellIndex < 0 ? undefined : { table, row, cellIndex };
  }

  listItem(offset: number): ListItem | undefined {
    // Walk up the nesting chain instead of scanning back over every earlier item.
    for (let index = lastStartingBefore(this.items, offset); index >= 0; index = this.parents[index]!) {
      const item = this.items[index]!;
      if (offset < item.end) return item;
    }
    return undefined;
  }

  context(offset: number): LinkContext {
    const section = this.sections[lastStartingBefore(this.sections, offset)]?.path ?? [];
    const cell = this.tableCell(offset);
    if (cell) {
      const entry = cell.row.cells[0]?.text || undefined;
      const tableColumn = cell.table.header[cell.cellIndex]?.text || undefined;
      return { section, ...(entry && { entry }), ...(tableColumn && { tableColumn }) };
    }
    const entry = this.listItem(offset)?.lead || undefined;
    return { section, ...(entry && { entry }) };
  }
}
