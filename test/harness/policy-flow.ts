import { POLICY_POINTS, POLICY_STEPS } from '../../src/domain/policy-points';
import type { Harness } from './bot-harness';
import { channel, type TeamsUser } from './teams-client';

export const MAYORS_OFFICE = channel("Mayor's Office");
export const IT_REVIEW = channel('IT review');

/** A full answer to each of the twelve points, in the words of a Parks policy. */
export function fullPolicy(): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const p of POLICY_POINTS) answers[p.id] = `Parks: ${p.example}`;
  return { ...answers, personalUse: 'limited', personalUseDetail: 'Personal use only during breaks, on personal devices.' };
}

/** Walks the seven cards with Next; returns the policy id and the card after the last step. */
export async function fillPolicy(user: TeamsUser, answers: Record<string, string>) {
  const [first] = await user.say('file our policy');
  const policyId = first.actions.find((a: any) => a.verb === 'policy.step').data.policyId as string;
  let card = first;
  for (let step = 1; step <= POLICY_STEPS.length; step++) {
    const values = Object.fromEntries(POLICY_STEPS[step - 1].map((f) => [f, answers[f] ?? '']));
    card = (await user.click({ verb: 'policy.step', policyId, step, nav: 'next', ...values })).card;
  }
  return { policyId, card };
}

/** Dana heads Parks, Chris is the Mayor's Office, Omar the IT Director, Ivy an IT reviewer; channels bound. */
export async function setUpPolicies(h: Harness) {
  const morgan = h.user('Morgan Lee');
  for (const name of ['Dana Reyes', 'Pat Parker', 'Chris Avery', 'Omar Said', 'Ivy Tran', 'Gina Cole']) await h.user(name).install();
  await morgan.click({ verb: 'channels.bind', purpose: 'mayors_office' }, { channel: MAYORS_OFFICE });
  await morgan.click({ verb: 'channels.bind', purpose: 'it_review' }, { channel: IT_REVIEW });
  const grant = async (name: string, role: string, departmentId?: string) => {
    const p = await h.bot.db.person.findFirstOrThrow({ where: { name } });
    await morgan.click({ verb: 'roles.grant', personId: p.id, role, departmentId: departmentId ?? '' });
  };
  await grant('Dana Reyes', 'department_head', 'parks');
  await grant('Chris Avery', 'mayors_office');
  await grant('Gina Cole', 'mayors_office');
  await grant('Omar Said', 'it_director');
  await grant('Ivy Tran', 'it_reviewer');
  await h.bot.worker.drain();
}

export const postsTo = (h: Harness, ch: { id: string }) => h.connector.cards((c) => c.method === 'POST' && c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === ch.id);
