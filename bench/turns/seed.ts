/**
 * Seeds the running bot the way people would (over HTTP, clicking the buttons its cards offer), then clones the
 * pending review so that every approval click in a cell decides a review of its own.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/store/prisma';
import type { RemotePeople } from '../../test/harness/remote-people';
import { cardActions } from '../../test/harness/teams-client';
import { IT_REVIEW, approveAsAuthority, fillRequest, parksAnswers, setUp, waitForCards } from '../../test/harness/presence-flow';

export interface Seeded {
  /** Each drafter with the data of their draft's Save draft button on step 2. */
  drafts: Array<{ user: ReturnType<RemotePeople['user']>; data: Record<string, unknown> }>;
  /** Ivy's Approve click on the IT review card, and the ids in it that a clone replaces. */
  approve: { user: ReturnType<RemotePeople['user']>; data: Record<string, unknown>; requestId: string; reviewId: string };
}

export async function seed(people: RemotePeople, drafters: number): Promise<Seeded> {
  const h = people.harness;
  await setUp(h);
  const pat = people.user('Pat Parker');
  const answers = await parksAnswers(h, 'Dana Reyes', ['Dana Reyes']);
  const { requestId, summary } = await fillRequest(pat, answers);
  const submit = cardActions(summary).find((a) => /submit/i.test(a.title));
  if (!submit) throw new Error('the summary card has no Submit button');
  await pat.click({ verb: submit.verb, ...submit.data });
  // REQ-6: the department's approving authority decides before IT.
  await approveAsAuthority(h, requestId);
  const [posted] = await waitForCards(h, IT_REVIEW, 1);
  const approveAction = cardActions(posted.card).find((a) => /^approve/i.test(a.title));
  if (!approveAction) throw new Error('the IT review card has no Approve button');
  const review = await people.bot.db.review.findFirstOrThrow({ where: { requestId, stage: 'it' } });

  const drafts: Seeded['drafts'] = [];
  for (let i = 0; i < drafters; i++) {
    // aadFor keeps the first six letters of a name: each drafter must be a person of their own.
    const user = people.user(`D${String(i).padStart(3, "0")} Drafter`);
    await user.install();
    const [step1] = await user.say('request a presence');
    const next = cardActions(step1).find((a) => a.title === 'Next');
    if (!next) throw new Error('step 1 has no Next button');
    const toStep2 = await user.click({ verb: next.verb, ...next.data, ...answers[1] });
    const save = cardActions(toStep2.card).find((a) => a.title === 'Save draft');
    if (!save) throw new Error('step 2 has no Save draft button');
    drafts.push({ user, data: { verb: save.verb, ...save.data, ...answers[2] } });
  }
  return { drafts, approve: { user: people.user('Ivy Tran'), data: { verb: approveAction.verb, ...approveAction.data }, requestId, reviewId: review.id } };
}

/** Copies the pending request and its review `count` times; returns the Approve click data for each copy. */
export async function cloneReviews(db: Db, approve: Seeded['approve'], count: number): Promise<Array<Record<string, unknown>>> {
  const { id: _r, ...request } = await db.presenceRequest.findUniqueOrThrow({ where: { id: approve.requestId } });
  const { id: _v, ...review } = await db.review.findUniqueOrThrow({ where: { id: approve.reviewId } });
  const template = JSON.stringify(approve.data);
  const clicks: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const requestId = randomUUID();
    const reviewId = randomUUID();
    await db.presenceRequest.create({ data: { ...request, id: requestId } });
    await db.review.create({ data: { ...review, id: reviewId, requestId } });
    clicks.push(JSON.parse(template.replaceAll(approve.requestId, requestId).replaceAll(approve.reviewId, reviewId)));
  }
  return clicks;
}
