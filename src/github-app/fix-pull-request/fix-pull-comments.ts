import { FIX_BRANCH } from './fix-branch.js';

/** What linkmedic says on its fix pull request when it stops, closes or steps aside. */
export const FIX_PULL_COMMENTS = {
  nothingLeft: (defaultBranch: string) =>
    `Nothing is left to fix: the links this pull request changed were fixed or removed on \`${defaultBranch}\`, or no longer need a change. linkmedic closes it and deletes \`${FIX_BRANCH}\`; it opens a new pull request when it finds new fixes.`,
  disabled: () => 'Fixes are turned off in `.github/linkmedic.yml` (`fixes.enabled: false`), so linkmedic closes this pull request and deletes its branch.',
  duplicate: (keep: number) => `linkmedic keeps its fixes in #${keep}; closing this one.`,
  blocked: (authors: readonly string[]) =>
    `Commits by someone other than linkmedic (${authors.map((a) => `\`${a}\``).join(', ')}) are on \`${FIX_BRANCH}\`, so linkmedic no longer rebuilds this branch or edits this pull request. Merge it as it is, or close it: closing it unmerged (deleting the branch does that too) means linkmedic never proposes these replacements again.`,
  blockedMarker: '<!-- linkmedic:fix-blocked -->',
} as const;
