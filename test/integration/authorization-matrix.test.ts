import { randomUUID } from 'node:crypto';
import { Harness } from '../harness/bot-harness';
import { cardActions, cardText } from '../harness/teams-client';
import { approveAsAuthority, fillRequest, IT_REVIEW, parksAnswers, setUp } from '../harness/presence-flow';
import { fillPolicy, fullPolicy } from '../harness/policy-flow';
import { VERBS, type Verb } from '../../src/verbs';

/**
 * Issue 9: the authorization matrix, generated from the verb map. Every verb is clicked by each kind of person with
 * valid and with forged data. A click that person may not make changes no row and writes no audit event, and no
 * reply carries data that person may not see (issue 8 item 4: reads by id authorize). Adding a verb to the map
 * without a line in SAMPLES fails this test.
 */
type Kind = 'noRole' | 'requester' | 'filer' | 'otherStage' | 'otherHead' | 'admin';
const PEOPLE: Record<Kind, string> = { noRole: 'Pat Parker', requester: 'Rae Quist', filer: 'Dana Reyes', otherStage: 'Sam Okafor', otherHead: 'Gus Hale', admin: 'Morgan Lee' };
const KINDS = Object.keys(PEOPLE) as Kind[];

/** Words only some people may read, and who. */
const SECRETS = {
  draft: { text: 'mx-draft-secret@cityofmadison.com', who: ['requester'] },
  review: { text: 'mx-review-secret@cityofmadison.com', who: ['requester'] },
  policy: { text: 'Parks matrix secret wording for point four', who: ['filer'] },
  block: { text: 'Matrix secret block reason for the counters', who: ['filer'] },
  // A post is read by its drafter and the presence's approving authority (Dana, also Parks' head).
  post: { text: 'Matrix secret post wording for the pool', who: ['requester', 'filer'] },
} as const;

type Ids = { otherPersonId: string; draftId: string; reviewId: string; presenceId: string; presenceVersion: number; policyId: string; filedPolicyId: string; blockId: string; grantId: string; postId: string; postVersion: number; postInReviewId: string; postRoundId: string; platformDecisionId: string };
/** `bareIsValid`: the verb alone is a click its clicker may make (start the filing for one's own department). */
type Sample = { data: (ids: Ids) => Record<string, unknown>; mayChange?: Kind[]; bareIsValid?: true };

/** A valid click per verb, and who may change something with it (those valid clicks are the journeys' business). */
const SAMPLES: Record<Verb, Sample> = {
  'help.show': { data: () => ({}) },
  'request.start': { data: () => ({}), mayChange: KINDS },
  'requests.mine': { data: () => ({}) },
  'request.step': { data: (i) => ({ requestId: i.draftId, step: 1, nav: 'save', handle: '@Taken' }), mayChange: ['requester'] },
  'request.edit': { data: (i) => ({ requestId: i.draftId, step: 3 }) },
  'request.open': { data: (i) => ({ requestId: i.draftId }) },
  'request.submit': { data: (i) => ({ requestId: i.draftId }), mayChange: ['requester'] },
  // Destructive clicks count only confirmed (issue 10); the unconfirmed one gets the confirm card, its owner's only.
  'request.stop': { data: (i) => ({ requestId: i.draftId, confirmed: true }), mayChange: ['requester'] },
  'request.discard': { data: (i) => ({ requestId: i.draftId, confirmed: true }), mayChange: ['requester'] },
  'reviews.mine': { data: () => ({}) },
  'reviews.next': { data: () => ({}) },
  // Opened from `reviews`: read by the same rule as the decision (a filed policy is public, POL-2).
  'policy.review': { data: (i) => ({ policyId: i.filedPolicyId }) },
  'block.open': { data: (i) => ({ blockId: i.blockId }) },
  'post.review': { data: (i) => ({ roundId: i.postRoundId }) },
  'escalation.open': { data: () => ({ escalationId: randomUUID() }) },
  'review.open': { data: (i) => ({ reviewId: i.reviewId }) },
  'review.decide': { data: (i) => ({ reviewId: i.reviewId, decision: 'approve' }) },
  // REQ-7: only the IT Director decides on a platform; no one in the matrix holds that role.
  'platform.decide': { data: (i) => ({ decisionId: i.platformDecisionId, decision: 'not_allowed', reasoning: 'Forged reasoning that is long enough to count.' }) },
  'registry.show': { data: () => ({}) },
  'registry.filter': { data: () => ({ departmentId: 'parks', platform: 'any', state: 'any' }) },
  'presence.open': { data: (i) => ({ presenceId: i.presenceId }) },
  'presence.setup.start': { data: (i) => ({ presenceId: i.presenceId }) },
  'presence.golive': { data: (i) => ({ presenceId: i.presenceId, accountUrl: 'https://www.instagram.com/mx', login: 'mx@cityofmadison.com', password: 'pw', noticeInPlace: 'true' }), mayChange: ['requester'] },
  // REQ-6: the owner (requester) and the department head (filer) may ask to change the name or platform.
  'presence.change.start': { data: (i) => ({ presenceId: i.presenceId }), mayChange: ['requester', 'filer'] },
  'presence.edit.start': { data: (i) => ({ presenceId: i.presenceId }) },
  'presence.edit': { data: (i) => ({ presenceId: i.presenceId, version: i.presenceVersion, handle: '@Hijacked', accountUrl: '', staffName: 'X', staffTitle: 'Y', staffContact: 'x@cityofmadison.com', dataLocation: 'Z drive' }), mayChange: ['requester', 'filer'] },
  'presence.reveal': { data: (i) => ({ presenceId: i.presenceId }), mayChange: ['requester'] },
  'presence.state': { data: (i) => ({ presenceId: i.presenceId, version: i.presenceVersion, to: 'retired', retireReason: 'Forged.' }) },
  // REG-2: the owner (the requester) and IT record a new password; the matrix has no IT person, so only the owner may.
  'presence.password.start': { data: (i) => ({ presenceId: i.presenceId }) },
  'presence.password': { data: (i) => ({ presenceId: i.presenceId, newPassword: 'forged-new-password' }), mayChange: ['requester'] },
  // REG-1: the owner, the head of its department (Dana heads Parks) or IT hand it over; nobody else.
  'presence.handover.start': { data: (i) => ({ presenceId: i.presenceId }) },
  'presence.handover': { data: (i) => ({ presenceId: i.presenceId, newOwnerId: i.otherPersonId, handoverReason: 'Forged handover.' }), mayChange: ['requester', 'filer'] },
  'policy.file.start': { data: () => ({}), mayChange: ['filer', 'otherHead'] },
  'policy.start': { data: () => ({ departmentId: 'parks' }), mayChange: ['filer'], bareIsValid: true },
  'policy.step': { data: (i) => ({ policyId: i.policyId, step: 2, nav: 'save', p3: 'Overwritten by someone else entirely.', p4: 'Overwritten.' }), mayChange: ['filer'] },
  'policy.edit': { data: (i) => ({ policyId: i.policyId, step: 2 }) },
  'policy.file': { data: (i) => ({ policyId: i.policyId }), mayChange: ['filer'] },
  'policy.decide': { data: (i) => ({ policyId: i.filedPolicyId, decision: 'acknowledge' }) },
  'policy.status': { data: () => ({}) },
  'policy.view.start': { data: () => ({}) },
  // REC-1: the department head who may get the document is issued a signed link, and that issue is audited.
  'policy.view': { data: () => ({ departmentId: 'parks' }), mayChange: ['filer'] },
  'policy.versions': { data: () => ({ departmentId: 'parks' }) },
  'policy.version': { data: (i) => ({ policyId: i.filedPolicyId }), mayChange: ['filer'] },
  'block.start': { data: () => ({ departmentId: 'parks' }) },
  'block.request': { data: () => ({ departmentId: 'parks', sites: 'x.com', reason: 'Forged block request text.' }), mayChange: ['filer'] },
  'block.decide': { data: (i) => ({ blockId: i.blockId, decision: 'done' }) },
  'roles.show': { data: () => ({}) },
  'roles.grant.start': { data: () => ({}) },
  'roles.grant': { data: () => ({ personId: randomUUID(), role: 'admin' }), mayChange: ['admin'] },
  'roles.revoke': { data: (i) => ({ grantId: i.grantId, confirmed: true }), mayChange: ['admin'] },
  'channels.show': { data: () => ({}) },
  'channels.bind.start': { data: () => ({}) },
  'channels.bind': { data: () => ({ purpose: 'it_director' }), mayChange: ['admin'] },
  'audit.show': { data: () => ({}) },
  'delivery.problems': { data: () => ({}) },
  'delivery.resend': { data: () => ({ outboxId: randomUUID() }), mayChange: ['admin'] },
  'webhooks.show': { data: () => ({}) },
  'webhook.add': { data: () => ({ url: 'https://hooks.example.org/matrix', events: 'post.approved,presence.registered' }), mayChange: ['admin'] },
  'webhook.disable': { data: () => ({ subscriberId: randomUUID() }), mayChange: ['admin'] },
  'records.show': { data: () => ({}) },
  'records.search': { data: () => ({ department: 'Parks' }) },
  // Every field is optional: the bare verb exports everything, a valid click for a custodian or an admin.
  'records.export': { data: () => ({ department: 'Parks' }), mayChange: ['admin'], bareIsValid: true },
  'post.start': { data: () => ({}) },
  'posts.mine': { data: () => ({}) },
  'post.new': { data: (i) => ({ presenceId: i.presenceId }), mayChange: ['requester'] },
  'post.step': { data: (i) => ({ postId: i.postId, nav: 'save', text: 'Overwritten by someone else.' }), mayChange: ['requester'] },
  'post.fix': { data: (i) => ({ postId: i.postId, version: i.postVersion, code: 'no-city-link', index: 0 }), mayChange: ['requester'] },
  'post.open': { data: (i) => ({ postId: i.postId }) },
  'post.edit': { data: (i) => ({ postId: i.postId }) },
  'post.submit': { data: (i) => ({ postId: i.postId }), mayChange: ['requester'] },
  'post.decide': { data: (i) => ({ roundId: i.postRoundId, decision: 'approve' }), mayChange: ['filer'] },
  'post.publish': { data: (i) => ({ postId: i.postInReviewId, url: 'https://www.instagram.com/p/forged' }) },
  // The matrix's presence is live (posts are drafted for it): its owner, the requester, may confirm it (FRESH-1).
  'freshness.still_active': { data: (i) => ({ presenceId: i.presenceId }), mayChange: ['requester'] },
  // No escalation exists here; who may act on a real one is test/integration/freshness.test.ts (FRESH-2).
  // The matrix presence's owner (the requester) may retire it (FRESH-1); no one else may.
  'freshness.retire': { data: (i) => ({ presenceId: i.presenceId, [`retireReason-${i.presenceId}`]: 'Forged retirement.' }), mayChange: ['requester'] },
  'freshness.decide': { data: () => ({ escalationId: randomUUID(), action: 'suspend', suspendGround: 'appears_abandoned', suspendNote: 'Forged.' }) },
  // REC-4: IT alone records an edit or removal; REC-3: the IT Director alone refers to police. None of these people is
  // IT, so no one may change anything; the post's drafter and approving authority may read its history.
  'post.history': { data: (i) => ({ postId: i.postId }) },
  'post.correct.start': { data: (i) => ({ postId: i.postInReviewId }) },
  'post.correct': { data: (i) => ({ postId: i.postInReviewId, kind: 'removal', policy: 'POST-5', reason: 'Forged removal of a post.' }) },
  'presence.oversight': { data: (i) => ({ presenceId: i.presenceId }) },
  'referral.start': { data: (i) => ({ presenceId: i.presenceId, postId: i.postId }) },
  'referral.record': { data: (i) => ({ presenceId: i.presenceId, foundOn: '2026-12-01', reportedOn: '2026-12-02', caseNumber: 'MPD-26-0001', held: 'presence' }) },
};

/**
 * Forged versions of a click: every value a fresh uuid (no record, or someone else's) for everyone; prototype names
 * and the bare verb for a staffer and an admin (the parse does not depend on who clicks, so two kinds cover it).
 */
const forgeries = (data: Record<string, unknown>, sample: Sample, kind: Kind) => [
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'number' ? 999 : randomUUID()])),
  ...(kind === 'noRole' || kind === 'admin' ? [Object.fromEntries(Object.keys(data).map((k) => [k, k === 'step' ? 1 : '__proto__'])), ...(sample.bareIsValid ? [] : [{}])] : []),
];

describe('authorization matrix over every verb', () => {
  let h: Harness;
  let ids: Ids;

  beforeAll(async () => {
    // Quiet logs: hundreds of clicks, and nothing here reads the log.
    h = await Harness.start({ admins: ['Morgan Lee'], env: { LOG_LEVEL: 'warn' } });
    await setUp(h);
    const morgan = h.user('Morgan Lee');
    for (const name of [...Object.values(PEOPLE), 'Chris Avery']) await h.user(name).install();
    const grant = async (name: string, role: string, departmentId = '') => {
      const p = await h.bot.db.person.findFirstOrThrow({ where: { name } });
      await morgan.click({ verb: 'roles.grant', personId: p.id, role, departmentId });
    };
    await grant('Dana Reyes', 'department_head', 'parks');
    await grant('Gus Hale', 'department_head', 'streets');
    await grant('Chris Avery', 'mayors_office');
    const rae = h.user('Rae Quist');
    const answers = await parksAnswers(h, 'Dana Reyes', ['Rae Quist']);

    // An approved presence owned by Rae (public in the registry).
    const approved = await fillRequest(rae, { ...answers, 1: { ...answers[1], handle: '@MatrixPublic' } });
    await rae.click({ verb: 'request.submit', requestId: approved.requestId });
    await approveAsAuthority(h, approved.requestId);
    for (const [who, stage] of [['Ivy Tran', 'it'], ['Sam Okafor', 'attorney']] as const) {
      const r = await h.bot.db.review.findFirstOrThrow({ where: { requestId: approved.requestId, stage } });
      await h.user(who).click({ verb: 'review.decide', reviewId: r.id, decision: 'approve' }, { channel: IT_REVIEW });
    }
    const approvedRow = await h.bot.db.presence.findFirstOrThrow({ where: { requestId: approved.requestId } });
    await rae.click({ verb: 'presence.golive', presenceId: approvedRow.id, accountUrl: 'https://www.instagram.com/mxpublic', login: 'mx@cityofmadison.com', password: 'pw', noticeInPlace: 'true' });
    const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { id: approvedRow.id } });

    // Rae's posts for it (POST-1: she is its owner and spokesperson): a draft, and one waiting for Dana's approval.
    const newPost = async (text: string) => {
      const postId = cardActions((await rae.click({ verb: 'post.new', presenceId: presence.id })).card).find((a) => a.verb === 'post.step')!.data.postId as string;
      await rae.click({ verb: 'post.step', postId, nav: 'save', text });
      return postId;
    };
    const postId = await newPost(SECRETS.post.text);
    const postInReviewId = await newPost(`${SECRETS.post.text}. Hours: https://www.cityofmadison.com/parks`);
    await rae.click({ verb: 'post.submit', postId: postInReviewId });
    const postRound = await h.bot.db.postRound.findFirstOrThrow({ where: { postId: postInReviewId } });
    const postVersion = (await h.bot.db.post.findUniqueOrThrow({ where: { id: postId } })).version;

    // A request waiting for IT review, and a draft: both Rae's alone (and IT's, for the one in review).
    const inReview = await fillRequest(rae, { ...answers, 3: { ...answers[3], staffContact: SECRETS.review.text } });
    await rae.click({ verb: 'request.submit', requestId: inReview.requestId });
    await approveAsAuthority(h, inReview.requestId); // REQ-6: Dana approves first, then it waits for IT
    const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId: inReview.requestId, stage: 'it' } });
    const draft = await fillRequest(rae, { ...answers, 3: { ...answers[3], staffContact: SECRETS.draft.text } });

    // Dana's filed (public) version 1, then her unfiled draft; her block request, waiting for IT.
    const dana = h.user('Dana Reyes');
    const filed = await fillPolicy(dana, fullPolicy());
    await dana.click({ verb: 'policy.file', policyId: filed.policyId });
    const policyDraft = await fillPolicy(dana, { ...fullPolicy(), p4: SECRETS.policy.text });
    await dana.click({ verb: 'block.request', departmentId: 'parks', sites: 'tiktok.com', reason: SECRETS.block.text });
    const block = await h.bot.db.accessBlockRequest.findFirstOrThrow();
    const grantRow = await h.bot.db.roleGrant.findFirstOrThrow({ where: { role: 'department_head', departmentId: 'streets' } });
    const otherPersonId = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Chris Avery' } })).id;
    ids = { otherPersonId, draftId: draft.requestId, reviewId: review.id, presenceId: presence.id, presenceVersion: presence.version, policyId: policyDraft.policyId, filedPolicyId: filed.policyId, blockId: block.id, grantId: grantRow.id, postId, postVersion, postInReviewId, postRoundId: postRound.id, platformDecisionId: (await h.bot.db.platformDecision.findFirstOrThrow()).id };
    await h.bot.worker.drain();
  }, 120_000);
  afterAll(() => h.stop());

  /** Every row a click could change, and how many audit events and outgoing messages there are. */
  async function snapshot() {
    const db = h.bot.db;
    const [requests, reviews, presences, policies, blocks, grants, bindings, audit, outbox, posts, postRounds, corrections, referrals, holds, platforms] = await Promise.all([
      db.presenceRequest.findMany({ orderBy: { id: 'asc' } }),
      db.review.findMany({ orderBy: { id: 'asc' } }),
      db.presence.findMany({ orderBy: { id: 'asc' } }),
      db.departmentPolicy.findMany({ orderBy: { id: 'asc' } }),
      db.accessBlockRequest.findMany({ orderBy: { id: 'asc' } }),
      db.roleGrant.findMany({ orderBy: { id: 'asc' } }),
      db.channelBinding.findMany({ orderBy: { purpose: 'asc' } }),
      db.auditEvent.count(),
      db.outboxMessage.count(),
      db.post.findMany({ orderBy: { id: 'asc' } }),
      db.postRound.findMany({ orderBy: { id: 'asc' } }),
      db.postCorrection.count(),
      db.policeReferral.count(),
      db.recordHold.count(),
      db.platformDecision.findMany({ orderBy: { id: 'asc' } }),
    ]);
    return JSON.stringify({ requests, reviews, presences, policies, blocks, grants, bindings, audit, outbox, posts, postRounds, corrections, referrals, holds, platforms });
  }

  it('has a sample click for every verb in the map', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(VERBS).sort());
  });

  for (const verb of Object.keys(VERBS) as Verb[]) {
    it(`${verb}: refused or forged clicks change nothing and show nothing the clicker may not see`, async () => {
      const sample = SAMPLES[verb];
      for (const kind of KINDS) {
        const valid = sample.data(ids);
        const clicks = [...(sample.mayChange?.includes(kind) ? [] : [valid]), ...(Object.keys(valid).length ? forgeries(valid, sample, kind) : [])];
        for (const data of clicks) {
          const before = await snapshot();
          const res = await h.user(PEOPLE[kind]).click({ ...data, verb });
          const said = JSON.stringify(res.body);
          expect({ kind, data, status: res.status }).toEqual({ kind, data, status: 200 });
          expect(cardText(res.card)).not.toContain('Sorry, something went wrong');
          for (const secret of Object.values(SECRETS)) if (!(secret.who as readonly Kind[]).includes(kind)) expect({ kind, data, leaked: said.includes(secret.text) }).toEqual({ kind, data, leaked: false });
          expect({ kind, data, changed: (await snapshot()) !== before }).toEqual({ kind, data, changed: false });
        }
      }
    });
  }
});
