/** One step of the schema. Applied in order, each in the same transaction as its version bump. */
export interface Migration {
  /** 1, 2, 3 …: `PRAGMA user_version` holds the last one applied. */
  version: number;
  name: string;
  /** Plain SQL so a reviewer reads the schema as SQLite sees it. */
  sql: string;
}
