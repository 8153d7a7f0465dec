import type { Harness } from './bot-harness';
import { channel, type TeamsUser } from './teams-client';

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

export const IT_REVIEW = channel('IT review');
export const CITY_ATTORNEY = channel('City Attorney');

/**
 * REQ-6: the approving authority the request names approves it first, in their personal chat; then IT review opens.
 * Returns the IT review (or null when the approver returned it).
 */
export async function approveAsAuthority(h: Harness, requestId: string, decision: 'approve' | 'reject' = 'approve', reason?: string) {
  const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'authority', status: 'pending' }, orderBy: { round: 'desc' } });
  const approverId = JSON.parse(review.snapshot).approverId as string;
  const approver = await h.bot.db.person.findUniqueOrThrow({ where: { id: approverId } });
  const res = await h.user(approver.name).click({ verb: 'review.decide', reviewId: review.id, decision, ...(reason ? { reason } : {}) });
  return { card: res.card, itReview: await h.bot.db.review.findFirst({ where: { requestId, round: review.round, stage: 'it' } }) };
}

/** Five people, the IT review and City Attorney channels bound, Ivy and Sam holding their roles, Dana Parks' approving authority. */
export async function setUp(h: Harness) {
  const morgan = h.user('Morgan Lee');
  for (const name of ['Pat Parker', 'Dana Reyes', 'Ivy Tran', 'Sam Okafor']) await h.user(name).install();
  await morgan.say('bind channel', { channel: IT_REVIEW });
  await morgan.click({ verb: 'channels.bind', purpose: 'it_review' }, { channel: IT_REVIEW });
  await morgan.click({ verb: 'channels.bind', purpose: 'city_attorney' }, { channel: CITY_ATTORNEY });
  const grant = async (name: string, role: string) => {
    const p = await h.bot.db.person.findFirstOrThrow({ where: { name } });
    await morgan.click({ verb: 'roles.grant', personId: p.id, role });
  };
  await grant('Ivy Tran', 'it_reviewer');
  await grant('Sam Okafor', 'city_attorney');
  // REQ-6: the approving authority the Parks requests name (designated, so she gains no department head's powers).
  await grantApprover(h, 'Dana Reyes', 'parks');
}

/** REQ-6: an admin designates a person as a department's approving authority. */
export async function grantApprover(h: Harness, name: string, departmentId: string) {
  const person = await h.bot.db.person.findFirstOrThrow({ where: { name } });
  await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: person.id, role: 'dept_approver', departmentId });
}

export const channelCards = (h: Harness, ch: { id: string }) => h.connector.cards((c) => c.method === 'POST' && c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === ch.id);

export async function waitForCards(h: Harness, ch: { id: string }, count: number) {
  await h.connector.waitFor((c) => c.method === 'POST' && c.path === '/v3/conversations' && c.body?.channelData?.channel?.id === ch.id, { count });
  return channelCards(h, ch);
}
