import { actionSet, card, execute, status, text, title, type Element } from '../common/elements';
import type { HelpEntry } from '../../src/teams/router';

export interface HelpView {
  name: string;
  roles: string[];
  entries: Array<Pick<HelpEntry, 'title' | 'description' | 'verb' | 'command'>>;
  /** Set when the person typed something the bot did not understand. */
  notUnderstood?: string;
  welcome?: boolean;
}

/** One button per action the person may take here; nothing they cannot do is shown. */
export function helpCard(v: HelpView) {
  const intro: Element[] = v.welcome
    ? [
        title('Welcome to Social Steward'),
        status(`Hi ${v.name}. Social Steward runs the City of Madison's social media policy in Teams.`, 'default'),
        text('Departments request official accounts here, IT and the City Attorney review them in their channels, and every step is kept for public records requests.'),
      ]
    : [title('Social Steward'), status(`What you can do, ${v.name}`, 'default')];
  if (v.notUnderstood) intro.push(text(`I didn't understand "${v.notUnderstood.slice(0, 80)}". Here is what I can do:`, { weight: 'Bolder' }));
  // Each thing to do carries its own full-width button: at 360 px a row of eight is cut to "Req..." and Teams drops
  // every button past six (issue 19).
  const rows: Element[] = v.entries.flatMap((e) => [
    { ...actionSet([execute(e.title, { verb: e.verb })]), spacing: 'Medium' },
    { ...text(`${e.description} Type **${e.command}** or use the button above.`, { subtle: true, size: 'Small' }), spacing: 'Small' },
  ]);
  return card([...intro, ...rows, text(`Your roles: ${v.roles.length ? v.roles.join(', ') : 'Staff'}`, { subtle: true, size: 'Small' })]);
}
