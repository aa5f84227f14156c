/** The commands linkmedic answers in comments. */
export type Command =
  /** `/linkmedic recheck`: check the links (the report's failing ones, or the dead link) now. */
  'recheck';

/** The command a comment gives, if any: a line of its own, outside quotes and code. */
export function parseCommand(body: string | null | undefined): Command | undefined {
  let fenced = false;
  for (const line of (body ?? '').split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^\s*\/linkmedic\s+recheck\s*$/i.test(line)) return 'recheck';
  }
  return undefined;
}

/** Who may give commands: people with a role in the repository, never anonymous drive-bys. */
export const mayCommand = (authorAssociation: string | undefined): boolean =>
  authorAssociation === 'OWNER' || authorAssociation === 'MEMBER' || authorAssociation === 'COLLABORATOR';
