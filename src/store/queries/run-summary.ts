/** One recorded run of a catalog. */
export interface RunSummary {
  id: number;
  catalog: string;
  startedAt: Date;
  finishedAt: Date;
  conclusive: boolean;
  /** Distinct URLs checked. */
  urlCount: number;
}

export interface RunRow {
  id: number;
  catalog: string;
  started_at: number;
  finished_at: number;
  conclusive: number;
  url_count: number;
}

export const toRunSummary = (row: RunRow): RunSummary => ({
  id: row.id,
  catalog: row.catalog,
  startedAt: new Date(row.started_at),
  finishedAt: new Date(row.finished_at),
  conclusive: row.conclusive === 1,
  urlCount: row.url_count,
});
