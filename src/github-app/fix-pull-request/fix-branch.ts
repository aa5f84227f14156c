/** The one branch linkmedic writes fixes to, in every repository. */
export const FIX_BRANCH = 'linkmedic/fix-links';
