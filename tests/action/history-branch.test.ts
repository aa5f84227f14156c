import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActionLog } from '../../src/action/create-action-log.js';
import { createActionOctokit } from '../../src/action/create-action-octokit.js';
import { readHistoryBranch } from '../../src/action/read-history-branch.js';
import { writeHistoryBranch } from '../../src/action/write-history-branch.js';
import { isLinkmedicError } from '../../src/errors.js';
import type { GithubClient } from '../../src/github-app/repo-run.js';
import { startFakeGitHub, workflowToken, type FakeGitHub } from '../support/fake-github/index.js';

const PACING = { writeIntervalMs: 0, notificationIntervalMs: 0, retryAfterUnitMs: 1, maxRateLimitWaitSeconds: 60 };
let fake: FakeGitHub;
let octokit: GithubClient;
const where = (branch: string) => ({ owner: 'acme', repo: 'awesome', branch });
const file = () => path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-history-')), 'linkmedic.db');

async function refusal(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (isLinkmedicError(error)) return error.message;
    throw error;
  }
  return 'accepted';
}

beforeAll(async () => {
  fake = await startFakeGitHub({ appSlug: 'github-actions' });
  fake.state.createRepo({ fullName: 'acme/awesome', files: { 'README.md': '# List\n' } });
  const token = await workflowToken(fake, 'acme/awesome', { contents: 'write' });
  octokit = createActionOctokit({ token, baseUrl: fake.baseUrl, fetch: globalThis.fetch, log: createActionLog(() => {}, false), pacing: PACING });
});
afterAll(() => fake?.close());

describe('the history branch', () => {
  it('round-trips the file: an orphan commit, then commits on top, read back byte for byte', async () => {
    expect(await readHistoryBranch(octokit, where('history'), file())).toBeUndefined();
    const first = await writeHistoryBranch(octokit, where('history'), { bytes: Buffer.from('SQLite format 3\0 one'), maxDepth: 5, title: 'first' });
    const head = await readHistoryBranch(octokit, where('history'), file());
    expect(head).toEqual({ sha: first.sha, depth: 1 });
    const second = await writeHistoryBranch(octokit, where('history'), { bytes: Buffer.from([0, 255, 1, 254]), head: head!, maxDepth: 5, title: 'second' });
    const target = file();
    expect(await readHistoryBranch(octokit, where('history'), target)).toEqual({ sha: second.sha, depth: 2 });
    expect([...readFileSync(target)]).toEqual([0, 255, 1, 254]);
    expect(fake.inspect.commits('acme/awesome', 'history').map((commit) => [commit.message.split('\n')[0], commit.parents.length, commit.author])).toEqual([
      ['second', 1, expect.stringContaining('+github-actions[bot]@users.noreply.github.com')],
      ['first', 0, expect.stringContaining('+github-actions[bot]@users.noreply.github.com')],
    ]);
  });

  it('refuses a branch that holds anything else, leaving it as it was', async () => {
    fake.human.push('acme/awesome', 'notes', 'maintainer', { 'notes.md': '# mine\n' }, 'My notes');
    const before = fake.inspect.branches('acme/awesome').notes;
    fake.human.push('acme/awesome', 'readme-only', 'maintainer', { 'README.md': '# Another README\n' }, 'Just a README');
    expect(await refusal(() => readHistoryBranch(octokit, where('notes'), file()))).toBe("the branch notes holds other files (notes.md): it is not linkmedic's history");
    expect(await refusal(() => readHistoryBranch(octokit, where('readme-only'), file()))).toBe("the branch readme-only has no linkmedic.db: it is not linkmedic's history");
    expect(fake.inspect.branches('acme/awesome').notes).toBe(before);
  });

  it('does not overwrite a branch another run moved meanwhile, whether continuing or restarting the chain', async () => {
    const head = (await readHistoryBranch(octokit, where('history'), file()))!;
    await writeHistoryBranch(octokit, where('history'), { bytes: Buffer.from('another run'), head, maxDepth: 5, title: 'another run' });
    const moved = "the branch history moved while this run worked (another linkmedic run?): this run's history was not saved";
    expect(await refusal(() => writeHistoryBranch(octokit, where('history'), { bytes: Buffer.from('late'), head, maxDepth: 5, title: 'late' }))).toBe(moved);
    expect(await refusal(() => writeHistoryBranch(octokit, where('history'), { bytes: Buffer.from('late'), head, maxDepth: 1, title: 'late restart' }))).toBe(moved);
    expect(fake.inspect.commits('acme/awesome', 'history')[0]!.message.split('\n')[0]).toBe('another run');
  });
});
