import { actionSet, card, details, execute, heading, showDetails, status, text, title, type Element } from '../common/elements';
import type { HelpEntry } from '../../src/teams/router';

type Entry = Pick<HelpEntry, 'title' | 'description' | 'verb' | 'command'>;

export interface HelpView {
  name: string;
  roles: string[];
  /** What this person may do here, grouped, most used first. */
  groups: Array<{ heading: string; entries: Entry[] }>;
  welcome?: boolean;
}

/**
 * The short help (issue 10): what this person may do, grouped, each group one line of commands; the one thing they
 * most likely wants as a button; every entry with its button and description one click away (Show everything).
 */
export function helpCard(v: HelpView) {
  const intro: Element[] = v.welcome
    ? [
        title('Welcome to Social Steward'),
        status(`Hi ${v.name}. Social Steward runs the City of Madison's social media policy in Teams.`, 'default'),
        text('Departments request official accounts here, IT and the City Attorney review them in their channels, and every step is kept for public records requests.'),
      ]
    : [title('Social Steward'), status(`What you can do, ${v.name}`, 'default')];
  const groups = v.groups.filter((g) => g.entries.length);
  const summary: Element[] = groups.map((g) => ({ ...text(`**${g.heading}**: ${g.entries.map((e) => e.command).join(' · ')}`, { size: 'Small' }), spacing: 'Small' }));
  // Each entry carries its own full-width button: at 360 px a row of them is cut to "Req..." (issue 19).
  const all: Element[] = groups.flatMap((g) => [
    heading(g.heading),
    ...g.entries.flatMap((e) => [
      { ...actionSet([execute(e.title, { verb: e.verb })]), spacing: 'Small' },
      { ...text(`${e.description} Type **${e.command}**.`, { subtle: true, size: 'Small' }), spacing: 'Small' },
    ]),
  ]);
  const top = groups.flatMap((g) => g.entries).slice(0, 1); // one, beside Show everything: two titles fit a phone's row
  return card(
    [...intro, ...summary, text(`Your roles: ${v.roles.length ? v.roles.join(', ') : 'Staff'}`, { subtle: true, size: 'Small' }), details('help-all', all)],
    [...top.map((e) => execute(e.title, { verb: e.verb })), showDetails('help-all', 'Show everything')],
  );
}
