import { parse, preprocess } from 'micromark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { subtokenize } from 'micromark-util-subtokenize';
const src = process.argv[2].replace(/\\n/g, '\n');
const events = parse({ extensions: [gfmAutolinkLiteral(), gfmTable(), gfmStrikethrough()] }).document().write(preprocess()(src, undefined, true));
let pass = 0;
while (true) { const done = subtokenize(events); pass++; if (process.argv[3] === String(pass)) break; if (done) break; }
let depth = 0;
for (const [k, t] of events) { if (k === 'exit') depth--; if (k === 'enter') console.log('  '.repeat(depth) + t.type, t.start.offset, t.end.offset, JSON.stringify(src.slice(t.start.offset, t.end.offset)), t.contentType ?? '', t.previous ? 'prev' : '', t.next ? 'next' : ''); if (k === 'enter') depth++; }
