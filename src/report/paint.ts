import type { VerdictTone } from './problem-groups.js';

/** Terminal styling, injected so renderers stay pure; the CLI passes picocolors when colours are on. */
export interface Paint {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
}

const plain = (text: string): string => text;

export const NO_PAINT: Paint = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };

export function paintTone(paint: Paint, tone: VerdictTone): (text: string) => string {
  switch (tone) {
    case 'ok':
      return paint.green;
    case 'moved':
      return paint.cyan;
    case 'human':
      return paint.yellow;
    case 'failing':
      return paint.red;
    case 'skipped':
      return paint.dim;
    default:
      return tone satisfies never;
  }
}
