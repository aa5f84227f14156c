import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

/** The `href` and `src` values a reader's browser sees in GitHub's rendering of a markdown file. */
export interface RenderedLinks {
  href: string[];
  src: string[];
}

const CMARK_ARGS = ['-e', 'autolink', '-e', 'table', '-e', 'strikethrough', '-e', 'tagfilter', '--unsafe'];

/** GitHub's renderer, as Debian packages it; the same extensions GitHub enables for README files. */
export async function renderWithCmarkGfm(file: string): Promise<string> {
  const { stdout } = await promisify(execFile)('cmark-gfm', [...CMARK_ARGS, file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

export function cmarkGfmAvailable(): boolean {
  try {
    execFileSync('cmark-gfm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** Every href/src attribute of every element, parsed as a browser parses the HTML. */
export function renderedLinks(html: string): RenderedLinks {
  const found: RenderedLinks = { href: [], src: [] };
  const visit = (node: Node): void => {
    if ('attrs' in node) {
      for (const attr of node.attrs) {
        if (attr.name === 'href') found.href.push(attr.value);
        if (attr.name === 'src') found.src.push(attr.value);
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if (node.nodeName === 'template') visit((node as DefaultTreeAdapterTypes.Template).content as never);
  };
  visit(parse(html));
  return found;
}
