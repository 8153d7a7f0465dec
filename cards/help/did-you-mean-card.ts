import { card, execute, status, title } from '../common/elements';
import type { HelpEntry } from '../../src/teams/router';

/** Anything not understood (issue 10): the closest commands as buttons, not the whole help again. */
export function didYouMeanCard(v: { said: string; suggestions: Array<Pick<HelpEntry, 'title' | 'verb' | 'command'>> }) {
  const said = v.said.length > 80 ? `${v.said.slice(0, 79)}…` : v.said;
  return card(
    [
      title(v.suggestions.length ? 'Did you mean...?' : 'Not understood'),
      status(
        v.suggestions.length
          ? `I didn't understand "${said}". Did you mean ${v.suggestions.map((s) => `**${s.command}**`).join(' or ')}?`
          : `I didn't understand "${said}". Type **help** to see what you can do.`,
      ),
    ],
    [...v.suggestions.map((s) => execute(s.title, { verb: s.verb })), execute('Help', { verb: 'help.show' })],
  );
}
