/**
 * The card set of issue 19: the bot driven over its real HTTP endpoint (test/harness) as six kinds of person (admin,
 * staff, department head, IT reviewer, City Attorney, Mayor's Office) through every journey, then every button of
 * every card clicked once by the person who got it. Every card kind the bot sends is kept: replies, invoke answers
 * and what the outbox posted or updated in channels and chats.
 */
import { createHash } from 'node:crypto';
import type { Harness } from '../harness/bot-harness';
import { fillRequest, parksAnswers, setUp, CITY_ATTORNEY, IT_REVIEW } from '../harness/presence-flow';
import { fillPolicy, fullPolicy, MAYORS_OFFICE } from '../harness/policy-flow';
import { cardActions, type Place, type TeamsUser, PERSONAL } from '../harness/teams-client';
import { maxLengthPolicy, maxLengthRequest, MAX_REASON, words } from './max-answers';
import { freshnessJourneys, postJourneys } from './post-journeys';
import { MAX_COMMENTS_LENGTH } from '../../src/domain/policy-points';

export type Variant = 'ordinary' | 'maximum';
export interface CollectedCard {
  kind: string;
  /** The first line of the card, for a readable name. */
  title: string;
  card: any;
  /** Who got it and where, so its buttons can be clicked back. */
  who?: TeamsUser;
  place?: Place;
}

/** A card's kind: its shape (element types, input ids, verbs, button titles) without the words people typed. */
export function kindOf(card: any): string {
  const shape = (n: any): unknown => {
    if (Array.isArray(n)) return n.map(shape);
    if (!n || typeof n !== 'object') return null;
    const out: Record<string, unknown> = {};
    for (const k of ['type', 'id', 'verb']) if (typeof n[k] === 'string') out[k] = n[k];
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string') out.title = n.title;
    for (const [k, v] of Object.entries(n)) if (v && typeof v === 'object' && k !== 'data' && k !== 'choices' && k !== 'facts') out[k] = shape(v);
    return out;
  };
  return createHash('sha1').update(JSON.stringify(shape(card))).digest('hex').slice(0, 10);
}

const firstText = (card: any): string => card?.body?.find((e: any) => e.type === 'TextBlock')?.text ?? 'card';

export class CardSet {
  readonly cards = new Map<string, CollectedCard>();
  add(card: any, who?: TeamsUser, place?: Place) {
    if (!card || card.type !== 'AdaptiveCard') return;
    const kind = kindOf(card);
    if (!this.cards.has(kind)) this.cards.set(kind, { kind, title: String(firstText(card)).slice(0, 60), card, who, place });
  }
}

/** The input values a card shows, as Teams sends them with a click. */
function inputValues(card: any): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') out[n.id] = typeof n.value === 'string' ? n.value : '';
    for (const [k, v] of Object.entries(n)) if (k !== 'data' && typeof v === 'object') walk(v);
  };
  walk(card.body);
  return out;
}

/** Drives every journey; `variant` picks ordinary answers or every field at its maximum length. */
export async function collectCards(h: Harness, variant: Variant): Promise<CardSet> {
  const set = new CardSet();
  const say = async (who: TeamsUser, text: string, place: Place = PERSONAL) => (await who.say(text, place)).forEach((c) => set.add(c, who, place));
  const click = async (who: TeamsUser, data: { verb: string } & Record<string, unknown>, place: Place = PERSONAL) => {
    const res = await who.click(data, place);
    set.add(res.card, who, place);
    return res;
  };

  await setUp(h);
  const [morgan, pat, dana, ivy, sam, chris] = ['Morgan Lee', 'Pat Parker', 'Dana Reyes', 'Ivy Tran', 'Sam Okafor', 'Chris Avery'].map((n) => h.user(n));
  await chris.install();
  await morgan.click({ verb: 'channels.bind', purpose: 'mayors_office' }, { channel: MAYORS_OFFICE });
  const personId = async (name: string) => (await h.bot.db.person.findFirstOrThrow({ where: { name } })).id;
  await morgan.click({ verb: 'roles.grant', personId: await personId('Dana Reyes'), role: 'department_head', departmentId: 'parks' });
  await morgan.click({ verb: 'roles.grant', personId: await personId('Chris Avery'), role: 'mayors_office', departmentId: '' });

  const people = [morgan, pat, dana, ivy, sam, chris];
  for (const p of people) for (const t of ['help', 'what is the weather', 'my requests', 'reviews', 'registry', 'policy status', 'records', 'audit', 'roles', 'channels', 'delivery problems', 'webhooks']) await say(p, t);
  await say(morgan, 'bind channel', { channel: IT_REVIEW });
  await say(pat, 'help', { channel: IT_REVIEW });
  // Issue 10: "Did you mean ...?", and a draft command in a channel (the way to the personal chat).
  await say(pat, 'my reqeusts');
  await say(pat, 'my requests', { channel: IT_REVIEW });

  // A request: every step, the summary, submission, a return by IT, resubmission, both approvals.
  const ordinary = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
  const answers = variant === 'ordinary' ? ordinary : maxLengthRequest(ordinary);
  const [first] = await pat.say('request a presence');
  set.add(first, pat);
  const { requestId, summary } = await fillRequest(pat, answers);
  set.add(summary, pat);
  for (let step = 1; step <= 5; step++) await click(pat, { verb: 'request.edit', requestId, step });
  await click(pat, { verb: 'request.summary', requestId });
  await click(pat, { verb: 'request.submit', requestId });
  const review = (stage: string) => h.bot.db.review.findFirstOrThrow({ where: { requestId, stage }, orderBy: { round: 'desc' } });
  // REQ-6: the approving authority's card in Dana's chat, opened from "reviews", and her approval.
  const byAuthority = async () => {
    await click(dana, { verb: 'review.open', reviewId: (await review('authority')).id });
    await click(dana, { verb: 'review.decide', reviewId: (await review('authority')).id, decision: 'approve' });
  };
  await byAuthority();
  await click(ivy, { verb: 'review.decide', reviewId: (await review('it')).id, decision: 'reject', reason: variant === 'ordinary' ? 'The handle is a personal account.' : MAX_REASON }, { channel: IT_REVIEW });
  await click(pat, { verb: 'request.open', requestId });
  await click(pat, { verb: 'request.submit', requestId });
  await byAuthority();
  await say(ivy, 'reviews');
  // A second draft, sent back by the server: the attention summary and a message under each field.
  const [draft] = await pat.say('request a presence');
  const draftId = cardActions(draft).find((a) => a.verb === 'request.step')?.data.requestId;
  await click(pat, { verb: 'request.step', requestId: draftId, step: 1, nav: 'next', departmentId: '', platform: 'other', platformOther: '', handle: '', criterion: '' });
  await click(ivy, { verb: 'review.open', reviewId: (await review('it')).id });
  await click(ivy, { verb: 'review.decide', reviewId: (await review('it')).id, decision: 'approve' }, { channel: IT_REVIEW });
  await click(sam, { verb: 'review.open', reviewId: (await review('attorney')).id });
  await click(sam, { verb: 'review.decide', reviewId: (await review('attorney')).id, decision: 'approve' }, { channel: CITY_ATTORNEY });
  await h.bot.worker.drain();
  const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });
  for (const p of [pat, ivy, morgan, dana]) await click(p, { verb: 'presence.open', presenceId: presence.id });
  // Live: the owner records the address and login; IT then sees Reveal, Suspend and Retire.
  await click(pat, { verb: 'presence.golive', presenceId: presence.id, accountUrl: 'https://www.instagram.com/madisonparks', login: 'parks-social@cityofmadison.com', password: 'Gr33n-Meadow-Tr41l', noticeInPlace: 'true' });
  for (const p of [pat, ivy]) await click(p, { verb: 'presence.open', presenceId: presence.id });
  await click(ivy, { verb: 'presence.reveal', presenceId: presence.id });
  const version = async () => (await h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } })).version;
  const why = variant === 'ordinary' ? 'Not updated since March; the owner has not answered two nudges.' : MAX_REASON;
  await click(ivy, { verb: 'presence.state', presenceId: presence.id, version: await version(), to: 'suspended', suspendReason: why });
  await click(ivy, { verb: 'presence.state', presenceId: presence.id, version: await version(), to: 'active', reactivateReason: why });
  // REG-2, REG-1: a new password refused for a personal login (REG-3), a handover sent back for its reason, then done.
  await click(pat, { verb: 'presence.password.start', presenceId: presence.id });
  await click(pat, { verb: 'presence.password', presenceId: presence.id, newPassword: 'Bl0oming-Prairie', newLogin: 'madison.parks@gmail.com' });
  await click(pat, { verb: 'presence.handover', presenceId: presence.id, newOwnerId: await personId('Dana Reyes'), handoverReason: '' });
  await click(pat, { verb: 'presence.handover', presenceId: presence.id, newOwnerId: await personId('Dana Reyes'), handoverReason: variant === 'ordinary' ? 'Pat moved to the Streets Division.' : why.slice(0, 500) });
  await click(dana, { verb: 'presence.open', presenceId: presence.id });
  // Public records: a search that matches, then its export link.
  await click(morgan, { verb: 'records.search', presence: '', department: 'parks', person: '', from: '', to: '' });
  await click(morgan, { verb: 'records.export', department: 'parks' });
  // A department head asks IT to block social media sites for their staff.
  await say(dana, 'block social media');
  await click(dana, { verb: 'block.request', departmentId: 'parks', sites: variant === 'ordinary' ? 'tiktok.com, facebook.com' : words(500, 'tiktok.com, facebook.com, '), reason: why });

  // A policy: every step, filed, returned, filed again, acknowledged.
  const policyAnswers = variant === 'ordinary' ? fullPolicy() : maxLengthPolicy();
  const { policyId, card } = await fillPolicy(dana, policyAnswers);
  set.add(card, dana);
  await click(dana, { verb: 'policy.file', policyId });
  await click(chris, { verb: 'policy.decide', policyId, decision: 'return', comments: variant === 'ordinary' ? 'Point 9 needs a named records custodian.' : MAX_REASON.padEnd(MAX_COMMENTS_LENGTH, ' x').slice(0, MAX_COMMENTS_LENGTH) }, { channel: MAYORS_OFFICE });
  const again = await fillPolicy(dana, policyAnswers);
  await click(dana, { verb: 'policy.file', policyId: again.policyId });
  await say(chris, 'reviews');
  await click(chris, { verb: 'policy.review', policyId: again.policyId });
  await click(chris, { verb: 'policy.decide', policyId: again.policyId, decision: 'acknowledge' });
  await click(chris, { verb: 'policy.view', policyId: again.policyId });
  await h.bot.worker.drain();

  // Posts (issue 11) on the presence made live above, then the weekly freshness digest and escalation (issue 13).
  await postJourneys(h, variant, { say, click }, { pat, dana, morgan }, presence.id);
  await h.bot.worker.drain();
  await freshnessJourneys(h, variant, { say, click }, { pat, dana, morgan });
  await h.bot.worker.drain();

  // Whatever the outbox posted or updated in channels and chats.
  for (const c of h.connector.cards()) set.add(c.card);

  // Every button once, by the person who got the card, with the values the card shows.
  for (const collected of [...set.cards.values()]) {
    if (!collected.who) continue;
    for (const a of cardActions(collected.card)) {
      await click(collected.who, { ...inputValues(collected.card), ...a.data, verb: a.verb }, collected.place).catch(() => undefined);
    }
  }
  await h.bot.worker.drain();
  for (const c of h.connector.cards()) set.add(c.card);
  return set;
}
