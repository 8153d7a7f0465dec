/**
 * Browser e2e: "Draft a post" (issue 11) as Pat Parker, spokesperson of @MadisonParks, in the Agents Playground with
 * the real bot and Debian chromium. Pat drafts a post with an outside link, saves it and sees the findings beside
 * the text (POST-2, POST-3), fixes both with one click each, checks and submits; the approval card appears in the
 * "Post approval" channel. Dana Reyes, the approving authority, is not the Playground's user, so her Approve click
 * is sent to the bot's endpoint as Teams would send it; the channel card then shows the decision for everyone.
 *
 * Screenshots (test/artifacts): post-compose-findings.png, post-compose-fixed.png, post-preview.png,
 * post-approval-card.png, post-approved-card.png.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { createPrisma } from '../../src/store/prisma';
import { DEMO_USERS } from '../../scripts/playground/users';
import { playgroundServiceUrl } from '../../scripts/playground/seed-demo';
import { PlaygroundPage } from './playground-driver';
import { startPlaygroundSession, type PlaygroundSession } from './playground-session';

jest.setTimeout(300_000);

const OUTSIDE = 'Goodman Pool opens Saturday at 10 AM. Sign up for swim lessons at https://swim.example.org';

/**
 * An active @MadisonParks in the registry (owner and spokesperson Pat, approving authority Dana). Its approval by IT
 * and the City Attorney is another test's journey (presence-request.e2e); here it is the starting point.
 */
async function seedActivePresence(dataDir: string): Promise<void> {
  const db = createPrisma(`file:${path.join(dataDir, 'social-steward.db')}`);
  try {
    const pat = await db.person.findUniqueOrThrow({ where: { aadObjectId: DEMO_USERS.pat.aadObjectId } });
    const dana = await db.person.findUniqueOrThrow({ where: { aadObjectId: DEMO_USERS.dana.aadObjectId } });
    const record = { departmentId: 'parks', platform: 'instagram', handle: '@MadisonParks', approverId: dana.id, spokespersonIds: pat.id, cityWebPage: 'https://www.cityofmadison.com/parks' };
    const request = await db.presenceRequest.create({ data: { requesterId: pat.id, status: 'approved', answers: JSON.stringify(record), round: 1 } });
    await db.presence.create({ data: { requestId: request.id, departmentId: 'parks', platform: 'instagram', handle: '@MadisonParks', state: 'active', record: JSON.stringify(record), ownerId: pat.id, accountUrl: 'https://www.instagram.com/madisonparks' } });
  } finally {
    await db.$disconnect();
  }
}

/** Dana's click on Approve, as Teams sends an Action.Execute to the bot; returns the card the bot answers with. */
async function approveAsDana(session: PlaygroundSession, roundId: string): Promise<string> {
  const dana = DEMO_USERS.dana;
  const res = await fetch(`${session.playground.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: playgroundServiceUrl(session.playground.playgroundPort),
      from: { id: dana.teamsUserId, name: dana.name, aadObjectId: dana.aadObjectId },
      recipient: { id: 'bot', name: 'Social Steward' },
      conversation: { id: 'a:playground-personal-dana', conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb: 'post.decide', data: { verb: 'post.decide', roundId, decision: 'approve' } } },
    }),
  });
  return JSON.stringify(await res.json());
}

describe('Agents Playground: draft a post', () => {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession({ user: 'pat', channel: 'post-approval' });
    await seedActivePresence(session.dataDir);
  });
  afterAll(() => session?.close());

  it('shows the findings beside the text, fixes them in one click, and the approval card is decided in the channel', async () => {
    const ui = await PlaygroundPage.open(session!.browser.page, session!.playground.url, { timeoutMs: 120_000 });
    const before = await ui.cardCount();
    const text = (card: Locator) => card.innerText();
    const shot = (file: string, card: Locator) => ui.screenshot(file, { element: card });

    await ui.sendText('draft a post');
    let card = await ui.waitForCard('Choose the presence this post is for.', { after: before });
    await ui.clickCardButton('Start drafting', { card });
    card = await ui.waitForCard('Draft a post for @MadisonParks', { after: before });
    await ui.fillCardInput(card, 'Post text', OUTSIDE);
    // Images and "publish at" are one tap away (CARDS.md: about six inputs in sight).
    await ui.clickCardButton('Images and publish time', { card });
    await ui.fillCardInput(card, 'Image 1 address', 'https://www.cityofmadison.com/images/goodman-pool.jpg');
    await ui.fillCardInput(card, 'Image 1 alt text', 'The Goodman Pool splash pad with its blue slide');
    await ui.clickCardButton('Save draft', { card });

    card = await ui.waitForCard('Draft saved and checked.', { after: before });
    const saved = await text(card);
    for (const shown of ['Must fix (2)', 'POST-2', 'POST-3', "Add the presence's City page", 'Add the disclaimer']) expect(saved).toContain(shown);
    await shot('post-compose-findings.png', card);

    await ui.clickCardButton("Add the presence's City page", { card });
    card = await ui.waitForCard('Fixed and checked again.', { after: before });
    expect(await text(card)).toContain('Must fix (1)');
    await ui.clickCardButton('Add the disclaimer', { card });
    // The card is replaced in place and says the same first line: wait until nothing is left to fix.
    for (let i = 0; i < 120 && (await text(card)).includes('Must fix'); i++) await new Promise((r) => setTimeout(r, 500));
    card = await ui.waitForCard('Fixed and checked again.', { after: before });
    expect(await text(card)).not.toContain('Must fix');
    await shot('post-compose-fixed.png', card);
    await ui.clickCardButton('Check and continue', { card });

    card = await ui.waitForCard('Submit for approval', { after: before });
    expect(await text(card)).toContain('https://www.cityofmadison.com/parks');
    await shot('post-preview.png', card);
    await ui.clickCardButton('Submit for approval', { card });
    await ui.waitForCard('Sent to the approving authority', { after: before });

    await ui.openConversation('Post approval', { timeoutMs: 120_000 });
    const approval = await ui.waitForCard('Approve a post for @MadisonParks', { timeoutMs: 120_000 });
    const shown = await text(approval);
    for (const s of ['Waiting for your approval', 'Drafted by', 'Pat Parker', 'What to check', 'The post as it will read', 'Goodman Pool opens Saturday']) expect(shown).toContain(s);
    expect(await approval.locator('button[title="Approve"]').count()).toBe(1);
    expect(await approval.locator('button[title="Return"]').count()).toBe(1);
    await shot('post-approval-card.png', approval);

    const db = createPrisma(`file:${path.join(session!.dataDir, 'social-steward.db')}`);
    const round = await db.postRound.findFirstOrThrow().finally(() => db.$disconnect());
    // Dana gets the short card (issue 10); the channel's card shows the decision for everyone.
    expect(await approveAsDana(session!, round.id)).toContain('You approved the post for @MadisonParks');
    const approved = await ui.waitForCard('Approved by Dana Reyes', { timeoutMs: 120_000 });
    expect(await approved.locator('button[title="Approve"]').count()).toBe(0);
    await shot('post-approved-card.png', approved);
  });
});
