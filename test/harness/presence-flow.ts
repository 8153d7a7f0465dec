import type { Harness } from './bot-harness';
import type { TeamsUser } from './teams-client';

/** A complete, valid set of answers, step by step, as a Parks staffer would give them. */
export async function parksAnswers(h: Harness, approver: string, spokespersons: string[]) {
  const id = async (name: string) => (await h.bot.db.person.findFirstOrThrow({ where: { name } })).id;
  return {
    1: { departmentId: 'parks', platform: 'instagram', platformOther: '', handle: '@MadisonParks', criterion: 'marketing' },
    2: { purpose: 'Share park events, closures and volunteer days with families.', benefits: 'Reaches families who follow Instagram more than the website.', cityWebPage: 'https://www.cityofmadison.com/parks' },
    3: { staffName: 'Pat Parker', staffTitle: 'Community Outreach Coordinator', staffContact: 'pparker@cityofmadison.com', approverId: await id(approver), spokespersonIds: (await Promise.all(spokespersons.map(id))).join(',') },
    4: { dataLocation: 'Parks shared drive, monthly export', hasDirectMessages: 'yes', dmHandling: 'disable', dmArchive: '' },
    5: { attestCityAccount: 'true', attestNotice: 'true' },
  } as Record<number, Record<string, string>>;
}

/** Starts a request and walks every step with Next; returns the request id and the summary card. */
export async function fillRequest(user: TeamsUser, answers: Record<number, Record<string, string>>) {
  const [first] = await user.say('request a presence');
  const requestId = first.actions.find((a: any) => a.verb === 'request.step').data.requestId as string;
  let card = first;
  for (let step = 1; step <= 5; step++) {
    const res = await user.click({ verb: 'request.step', requestId, step, nav: 'next', ...answers[step] });
    card = res.card;
  }
  return { requestId, summary: card };
}
