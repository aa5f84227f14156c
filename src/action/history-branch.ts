/** Where the Action keeps its history between runs: one file on a branch of the repository. */
export interface HistoryBranch {
  owner: string;
  repo: string;
  branch: string;
}

/** The database, named as the CLI names its own (`.linkmedic/linkmedic.db`). */
export const HISTORY_FILE = 'linkmedic.db';
export const HISTORY_README = 'README.md';

/** The commit the history was read at, and how many commits its chain holds (1 for an orphan). */
export interface HistoryHead {
  sha: string;
  depth: number;
}

/** A trailer in each commit message carries the chain's length, so no run walks the history. */
export const DEPTH_TRAILER = 'Linkmedic-History-Depth';

export const depthOf = (message: string): number => Number(new RegExp(`^${DEPTH_TRAILER}: (\\d+)$`, 'm').exec(message)?.[1] ?? 1);

/** What the branch's README says: what it is, and how to read it with the command line. */
export function historyReadme(where: HistoryBranch): string {
  return [
    '# linkmedic history',
    '',
    `This branch holds \`${HISTORY_FILE}\`, the link history the linkmedic GitHub Action keeps for`,
    `${where.owner}/${where.repo}: every scheduled run's verdicts, the streaks that decide when a link`,
    'is dead, and the choices made in the report issue. The Action commits it after each run; do not',
    'merge this branch anywhere. To read it on your machine:',
    '',
    '```sh',
    `git fetch origin ${where.branch}`,
    `git show origin/${where.branch}:${HISTORY_FILE} > linkmedic.db`,
    `npx linkmedic report --db linkmedic.db --catalog github:${where.owner}/${where.repo} --format html --output report.html`,
    '```',
    '',
  ].join('\n');
}
