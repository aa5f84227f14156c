export { extractFiles } from './extract-files.js';
export { extractMarkdown, type Extraction } from './extract-markdown.js';
export { extractMarkdownIncrementally } from './extract-markdown-incrementally.js';
export type { LintCode, LintFinding } from './lint-finding.js';
export type { LinkContext, LinkKind, LinkOccurrence, SourceSpan } from './link-occurrence.js';
export { BUNDLED_CATALOG, MAX_MARKDOWN_BYTES, readMarkdownFiles, type MarkdownFile } from './read-markdown-files.js';
