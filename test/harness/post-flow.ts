import type { Harness } from './bot-harness';
import { approveAsAuthority, CITY_ATTORNEY, fillRequest, IT_REVIEW } from './presence-flow';
import type { TeamsUser } from './teams-client';

/** A presence made active through the real flow: submitted, approved by IT and the City Attorney, set up by its owner. */
export async function activePresence(h: Harness, owner: TeamsUser, answers: Record<number, Record<string, string>>) {
  const { requestId } = await fillRequest(owner, answers);
  await owner.click({ verb: 'request.submit', requestId });
  await approveAsAuthority(h, requestId);
  for (const [stage, who, where] of [['it', 'Ivy Tran', IT_REVIEW], ['attorney', 'Sam Okafor', CITY_ATTORNEY]] as const) {
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage } });
    await h.user(who).click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: where });
  }
  const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });
  await owner.click({ verb: 'presence.golive', presenceId: presence.id, accountUrl: `https://www.instagram.com/${answers[1].handle.slice(1).toLowerCase()}`, login: 'social@cityofmadison.com', password: 'pw-for-tests', noticeInPlace: 'true' });
  return h.bot.db.presence.findUniqueOrThrow({ where: { id: presence.id } });
}

/** The value of an input on a card, as the card would send it back. */
export const inputValue = (card: any, id: string): string | undefined => {
  const walk = (items: any[]): any => {
    for (const e of items ?? []) {
      if (e.id === id) return e;
      const inner = walk(e.items ?? e.columns ?? []);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(card.body)?.value;
};

/** Every value of the compose card, as a click on one of its buttons sends them. */
export const composeValues = (card: any) =>
  Object.fromEntries(['text', 'links', 'image1Url', 'image1Alt', 'image2Url', 'image2Alt', 'image3Url', 'image3Alt', 'publishDate', 'publishTime', 'emergency'].map((k) => [k, inputValue(card, k) ?? '']));
