/** One step of the schema. Applied in order, each in the same transaction as its version bump. */
export interface Migration {
  /** 1, 2, 3 …: SQLite's `PRAGMA user_version`, Postgres's `linkmedic_schema` hold the last one applied. */
  version: number;
  name: string;
  /** Plain SQL per dialect, so a reviewer reads the schema as each database sees it. */
  sqlite: string;
  postgres: string;
}
