import { renderActionReference } from './action-reference.js';
import { renderCommandReference } from './command-reference.js';
import { renderConfigReference } from './config-reference.js';
import { replaceBetweenMarkers } from './replace-between-markers.js';
import { renderVerdictReference } from './verdict-reference.js';

/** The README with its generated blocks (commands, configuration, the Action's inputs, verdicts) brought up to date. */
export async function updatedReadme(readme: string): Promise<string> {
  let text = replaceBetweenMarkers(readme, 'command-reference', await renderCommandReference());
  text = replaceBetweenMarkers(text, 'config-reference', renderConfigReference());
  text = replaceBetweenMarkers(text, 'action-reference', renderActionReference());
  return replaceBetweenMarkers(text, 'verdict-reference', renderVerdictReference());
}
