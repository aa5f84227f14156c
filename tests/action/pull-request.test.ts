import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../support/fake-github/index.js';
import { respond } from '../support/simulated-web/index.js';
import { ACTION_NODE, READ_PERMISSIONS, startActionHarness, WRITE_PERMISSIONS, type ActionHarness, type StepRun } from './support/action-harness.js';

// The pull request workflow, run as the runner runs it: `node dist-action/index.mjs` (the committed
// bundle) in a child process, with the event payload GitHub would write and a read-only token (what
// a pull request from a fork gets). It only reads GitHub: annotations go to the log, the full list
// to the job summary, and the step fails when an added link is dead.

const REPO = 'acme/list';
let h: ActionHarness;
let pullNumber: number;
let run: StepRun;
/** Requests made before the step (the test's own setup). */
let setupRequests: number;
const link = (p: string) => h.web.url('links.example.test', p, 'https');

beforeAll(async () => {
  h = await startActionHarness({ start: new Date() });
  h.web.route('links.example.test', '/old', respond.status(404));
  h.web.route('links.example.test', '/fine', respond.ok('<title>fine</title>'));
  h.web.route('links.example.test', '/moved', respond.redirect(301, '/fine'));
  h.fake.state.createRepo({ fullName: REPO, files: { 'README.md': `# List\n\n- [Old, already dead](${link('/old')})\n` } });
  const setup = createClients(h.fake).withToken(await h.token(REPO, WRITE_PERMISSIONS));
  const added = [`- [Fine](${link('/fine')})`, `- [Gone](${link('/gone')})`, `- [Moved](${link('/moved')})`, `- [Also gone](<${link('/never')}>)`];
  h.fake.human.push(REPO, 'add-links', 'contributor', { 'README.md': `# List\n\n- [Old, already dead](${link('/old')})\n${added.join('\n')}\n`, 'CHANGELOG.md': `- ${link('/gone-too')}\n` }, 'Add links');
  pullNumber = (await setup.rest.pulls.create({ owner: 'acme', repo: 'list', title: 'Add links', head: 'add-links', base: 'main' })).data.number;
  const event = h.fake.events.pullRequest(REPO, pullNumber, 'opened', 'contributor');
  const token = await h.token(REPO, READ_PERMISSIONS);
  setupRequests = h.fake.requests.length;
  run = await h.step(REPO, { event: 'pull_request', payload: event.payload, inputs: { files: 'README.md' }, token, bundle: { node: ACTION_NODE } });
});
afterAll(() => h?.close());

describe('the pull request workflow (the committed bundle, in a child process)', () => {
  it('fails the step on dead added links, with the outputs later steps read', () => {
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs).toEqual({ dead: '2', 'report-url': `${h.fake.origin}/${REPO}/actions/runs/9001/attempts/1` });
  });

  it('annotates exactly the added lines, as workflow commands', () => {
    const annotations = run.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line));
    const gone = link('/gone');
    expect(annotations.map((line) => /^::(\w+) file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=([^:]+)::/.exec(line)?.slice(1))).toEqual([
      ['error', 'README.md', '5', '5', '10', String(9 + gone.length), 'Broken link'],
      ['notice', 'README.md', '6', '6', '11', String(10 + link('/moved').length), 'Link redirects permanently'],
      ['error', 'README.md', '7', '7', '16', String(15 + link('/never').length), 'Broken link'],
    ]);
    // Property values are escaped (`:` is %3A) where the message is left readable.
    expect(annotations.find((line) => line.includes('title=Broken link::'))).toContain(`::${gone}: dead (http_404)`);
    expect(run.stdout).not.toContain(link('/old'));
    expect(run.stdout).not.toContain('gone-too');
  });

  it('writes the job summary: the check and every annotation', () => {
    expect(run.summary).toMatch(new RegExp(`^## linkmedic on #${pullNumber}: 2 broken links added\\n`));
    expect(run.summary).toContain('linkmedic checked the 4 links this pull request adds or changes: 2 broken, 0 to look at, 1 permanently redirected, 1 fine.');
    expect(run.summary).toContain('### Every annotation (3)');
    expect(run.summary).toContain('| error | README.md:5 | Broken link |');
  });

  it('writes nothing to GitHub: a read-only token is enough', () => {
    expect(h.fake.requests.slice(setupRequests).filter((request) => request.method !== 'GET' && request.path !== '/graphql')).toEqual([]);
    expect(h.fake.inspect.branches(REPO)).not.toHaveProperty('linkmedic-history');
  });
});
