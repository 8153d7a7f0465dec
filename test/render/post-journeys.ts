/**
 * The posts and freshness journeys of the phone card set (issue 19 with issues 11 and 13): compose with findings,
 * a one-click fix, the post as it will read, the approval card (personal chat and the department's channel), a
 * return, the revised round, approval, Mark as published, a POST-5 flag; then the weekly digest, the IT Director's
 * escalation card and the cards its actions lead to.
 */
import type { Harness } from '../harness/bot-harness';
import { cardActions, channel, type Place, type TeamsUser } from '../harness/teams-client';
import { seedLivePresence } from '../harness/freshness-seed';
import { runSweep } from '../../src/services/freshness/run-sweep';
import { cardPresenters } from '../../cards/presenters';
import { COMPOSE_LIMITS } from '../../src/domain/posts/compose-form';
import { retireInputId } from '../../src/verbs/freshness';
import { MAX_REASON, words } from './max-answers';
import type { Variant } from './card-journeys';

export const PARKS_POSTS = channel('Parks posts');
type Click = (who: TeamsUser, data: { verb: string } & Record<string, unknown>, place?: Place) => Promise<{ card?: any }>;
type Say = (who: TeamsUser, text: string, place?: Place) => Promise<void>;
interface People { pat: TeamsUser; dana: TeamsUser; morgan: TeamsUser }

const CITY = 'https://www.cityofmadison.com/parks';
const DAY = 86_400_000;

/** Compose values at their largest for the maximum variant: 9 KB of text, links and images (ADR 0010). */
function composeValues(variant: Variant, text: string, alt: string) {
  const long = variant === 'maximum';
  const url = (n: number) => (long ? `https://www.cityofmadison.com/images/${'pool-'.repeat(95)}${n}.jpg`.slice(0, COMPOSE_LIMITS.imageUrlChars) : `https://www.cityofmadison.com/images/pool${n}.jpg`);
  return {
    text,
    links: long ? `${CITY}/${'goodman-pool-'.repeat(74)}`.slice(0, COMPOSE_LIMITS.linksChars) : `${CITY}/goodman`,
    image1Url: url(1), image1Alt: alt,
    image2Url: long ? url(2) : '', image2Alt: long ? words(COMPOSE_LIMITS.altChars, 'Children in the splash pad at Goodman Pool. ') : '',
    publishDate: '2026-12-10', publishTime: '09:00', emergency: 'no',
  };
}

export async function postJourneys(h: Harness, variant: Variant, io: { say: Say; click: Click }, { pat, dana, morgan }: People, presenceId: string): Promise<void> {
  const { say, click } = io;
  const long = variant === 'maximum';
  await click(morgan, { verb: 'channels.bind', purpose: 'post_approval', departmentId: 'parks' }, { channel: PARKS_POSTS });
  await say(morgan, 'bind channel', { channel: PARKS_POSTS });
  await say(pat, 'draft a post');
  const started = await click(pat, { verb: 'post.new', presenceId });
  const postId = cardActions(started.card).find((a) => a.verb === 'post.step')!.data.postId as string;

  // Findings: no City link, an external link without the disclaimer, a lowercase multi-word hashtag, capitals,
  // "click here", an image without alt text; each finding with its fix button.
  const messy = 'GOODMAN POOL OPENS SATURDAY!!! #goodmanpoolopening click here https://swim.example.org';
  const messyText = long ? `${words(COMPOSE_LIMITS.textChars - messy.length - 1)} ${messy}` : messy;
  const saved = await click(pat, { verb: 'post.step', postId, nav: 'save', ...composeValues(variant, messyText, '') });
  const fix = cardActions(saved.card).find((a) => a.verb === 'post.fix');
  if (fix) await click(pat, { ...fix.data, verb: 'post.fix' });

  // A clean draft: the post as it will read, submitted, returned, revised, approved, published.
  const clean = long ? `${words(COMPOSE_LIMITS.textChars - CITY.length - 1)} ${CITY}` : `Goodman Pool opens Saturday at 10 AM. Hours and rules: ${CITY}`;
  const values = composeValues(variant, clean, long ? words(COMPOSE_LIMITS.altChars, 'The pool on opening day. ') : 'The pool on opening day');
  await click(pat, { verb: 'post.step', postId, nav: 'next', ...values });
  await click(pat, { verb: 'post.submit', postId });
  const round = () => h.bot.db.postRound.findFirstOrThrow({ where: { postId }, orderBy: { round: 'desc' } });
  await click(dana, { verb: 'post.decide', roundId: (await round()).id, decision: 'return', reason: long ? MAX_REASON : 'Say when the pool closes.' });
  await click(pat, { verb: 'post.edit', postId });
  await click(pat, { verb: 'post.step', postId, nav: 'next', ...values });
  await click(pat, { verb: 'post.submit', postId });
  await click(dana, { verb: 'post.decide', roundId: (await round()).id, decision: 'approve' }, { channel: PARKS_POSTS });
  await click(pat, { verb: 'post.open', postId });
  await click(pat, { verb: 'post.publish', postId, url: long ? `https://www.instagram.com/p/${'C0ffee'.repeat(60)}` : 'https://www.instagram.com/p/C0ffee' });

  // POST-5: a safety flag; approving needs a reason.
  const flagged = await click(pat, { verb: 'post.new', presenceId });
  const flaggedId = cardActions(flagged.card).find((a) => a.verb === 'post.step')!.data.postId as string;
  await click(pat, { verb: 'post.step', postId: flaggedId, nav: 'next', ...composeValues(variant, `Call Jo at 608-555-0142 to join the clean-up. ${CITY}`, 'Volunteers at the beach') });
  await click(pat, { verb: 'post.submit', postId: flaggedId });
  const flaggedRound = await h.bot.db.postRound.findFirstOrThrow({ where: { postId: flaggedId } });
  await click(dana, { verb: 'post.decide', roundId: flaggedRound.id, decision: 'approve' });
  await say(pat, 'my posts');
}

/** FRESH-1 and FRESH-2: a quiet presence (digest to its owner) and an abandoned one (the IT Director's card). */
export async function freshnessJourneys(h: Harness, variant: Variant, io: { say: Say; click: Click }, { pat, morgan }: People): Promise<void> {
  const { click } = io;
  const long = variant === 'maximum';
  const id = async (name: string) => (await h.bot.db.person.findFirstOrThrow({ where: { name } })).id;
  await click(morgan, { verb: 'roles.grant', personId: await id('Morgan Lee'), role: 'it_director' });
  const now = new Date();
  const handle = (h: string) => (long ? `${h}${'AndForestryVolunteers'.repeat(5)}`.slice(0, 100) : h);
  const quiet = await seedLivePresence(h.bot.db, await id('Pat Parker'), handle('@MadisonParksQuiet'), now, 40);
  const gone = await seedLivePresence(h.bot.db, await id('Pat Parker'), handle('@MadisonParksGone'), now, 100);
  await runSweep({ db: h.bot.db, config: h.bot.config, present: cardPresenters, now: () => now }, { holder: 'phone-cards' });
  await h.bot.worker.drain();
  await click(pat, { verb: 'freshness.hand_over.start', presenceId: quiet });
  await click(pat, { verb: 'freshness.still_active', presenceId: quiet });
  const escalation = await h.bot.db.freshnessEscalation.findFirstOrThrow({ where: { presenceId: gone } });
  const note = long ? MAX_REASON : 'No posts since spring; the owner does not answer.';
  await click(morgan, { verb: 'freshness.decide', escalationId: escalation.id, action: 'suspend', suspendNote: note });
  await click(morgan, { verb: 'freshness.decide', escalationId: escalation.id, action: 'suspend', suspendGround: 'appears_abandoned', suspendNote: note });
  await click(pat, { verb: 'freshness.retire', presenceId: quiet, [retireInputId(quiet)]: long ? words(500) : 'We post from the main Parks account now.' });
}
