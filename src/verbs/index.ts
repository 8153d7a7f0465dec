import { z } from 'zod';
import { confirmedFlag, ZEditStep, ZRequestRef, ZReviewDecision, ZStepAction } from './presence-request';
import { ZBlockDecision, ZBlockRequest, ZPolicyDecision, ZPolicyRef, ZPolicyStart, ZPolicyStep } from './department-policy';
import { ZEditPresence, ZGoLive, ZPresenceRef, ZRegistryFilter, ZSetState, ZSetupStart } from './registry';
import { ZGrantRole, ZRevokeRole } from './roles';
import { ZBindChannel } from './channels';
import { ZResendDeadLetter } from './delivery';
import { ZWebhookAdd, ZWebhookDisable } from './webhooks';
import { ZRecordsExport, ZRecordsSearch } from './records';
import { ZPostDecision, ZPostFix, ZPostNew, ZPostPublish, ZPostRef, ZPostStep } from './posts';
import { ZDirectorDecision, ZOwnerRetire } from './freshness';
import { ZHandOverPresence, ZHandOverStart, ZPasswordStart, ZRecordPassword } from './custody';
import { ZCorrection, ZCorrectionStart, ZOversight, ZPostHistory, ZReferral, ZReferralStart } from './oversight';
import { ZPlatformDecision } from './platform';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A button that opens something and names nothing: any data beside the verb is ignored. */
const plain = <V extends string>(verb: V) => z.looseObject({ verb: z.literal(verb) });
const uuid = (what: string) => z.string().uuid(`This card does not name ${what}.`);
const departmentChoice = z.preprocess(blank, z.string().max(64).optional());
const department = z.preprocess(blank, z.string({ error: 'Choose a department' }).min(1, 'Choose a department').max(64));

/**
 * Every card verb Social Steward answers, with the zod schema of its data (issue 9 item 4). Card builders may only
 * emit these verbs (execute() takes a Verb), and the router registers a handler per verb and parses the data with
 * this schema before the handler sees it. test/unit/verb-map.test.ts checks both directions.
 */
export const VERBS = {
  'help.show': plain('help.show'),

  'request.start': plain('request.start'),
  'requests.mine': plain('requests.mine'),
  'request.step': ZStepAction,
  'request.edit': ZEditStep,
  'request.open': ZRequestRef.extend({ verb: z.literal('request.open') }),
  'request.submit': ZRequestRef.extend({ verb: z.literal('request.submit') }),
  'request.stop': ZRequestRef.extend({ verb: z.literal('request.stop'), confirmed: confirmedFlag.optional() }),
  'request.discard': ZRequestRef.extend({ verb: z.literal('request.discard'), confirmed: confirmedFlag.optional() }),
  'reviews.mine': plain('reviews.mine'),
  'reviews.next': plain('reviews.next'),
  'review.open': z.object({ verb: z.literal('review.open'), reviewId: uuid('a review') }),
  'policy.review': z.object({ verb: z.literal('policy.review'), policyId: uuid('a policy version') }),
  'block.open': z.object({ verb: z.literal('block.open'), blockId: uuid('a block request') }),
  'post.review': z.object({ verb: z.literal('post.review'), roundId: uuid('a post to approve') }),
  'escalation.open': z.object({ verb: z.literal('escalation.open'), escalationId: uuid('an escalation') }),
  'review.decide': ZReviewDecision,
  'platform.decide': ZPlatformDecision,

  'registry.show': plain('registry.show'),
  'registry.filter': ZRegistryFilter,
  'presence.open': ZPresenceRef.extend({ verb: z.literal('presence.open') }),
  'presence.setup.start': ZSetupStart,
  'presence.golive': ZGoLive,
  'presence.edit.start': ZPresenceRef.extend({ verb: z.literal('presence.edit.start') }),
  'presence.edit': ZEditPresence,
  // REQ-6: a new account name or platform goes back through review.
  'presence.change.start': z.object({ verb: z.literal('presence.change.start'), presenceId: uuid('a presence') }),
  'presence.reveal': ZPresenceRef.extend({ verb: z.literal('presence.reveal') }),
  'presence.state': ZSetState,
  'presence.password.start': ZPasswordStart,
  'presence.password': ZRecordPassword,
  'presence.handover.start': ZHandOverStart,
  'presence.handover': ZHandOverPresence,

  'policy.file.start': plain('policy.file.start'),
  'policy.start': ZPolicyStart,
  'policy.step': ZPolicyStep,
  'policy.edit': ZPolicyRef.extend({ verb: z.literal('policy.edit'), step: z.coerce.number().int().min(1).max(7) }),
  'policy.file': ZPolicyRef.extend({ verb: z.literal('policy.file') }),
  'policy.decide': ZPolicyDecision,
  'policy.status': plain('policy.status'),
  'policy.view.start': plain('policy.view.start'),
  'policy.view': z.object({ verb: z.literal('policy.view'), departmentId: department }),
  'policy.versions': z.object({ verb: z.literal('policy.versions'), departmentId: department }),
  'policy.version': z.object({ verb: z.literal('policy.version'), policyId: uuid('a policy version') }),
  'block.start': z.looseObject({ verb: z.literal('block.start'), departmentId: departmentChoice }),
  'block.request': ZBlockRequest,
  'block.decide': ZBlockDecision,

  'roles.show': plain('roles.show'),
  'roles.grant.start': plain('roles.grant.start'),
  'roles.grant': ZGrantRole,
  'roles.revoke': ZRevokeRole,
  'channels.show': plain('channels.show'),
  'channels.bind.start': plain('channels.bind.start'),
  'channels.bind': ZBindChannel,
  // Issue 10: draft saves are hidden unless the card asks for them.
  'audit.show': z.looseObject({ verb: z.literal('audit.show'), showDrafts: z.preprocess((v) => v === true || v === 'true', z.boolean()).optional() }),
  'delivery.problems': plain('delivery.problems'),
  'delivery.resend': ZResendDeadLetter,
  'webhooks.show': plain('webhooks.show'),
  'webhook.add': ZWebhookAdd,
  'webhook.disable': ZWebhookDisable,

  'records.show': plain('records.show'),
  'records.search': ZRecordsSearch,
  'records.export': ZRecordsExport,

  'post.start': plain('post.start'),
  'posts.mine': plain('posts.mine'),
  'post.new': ZPostNew,
  'post.step': ZPostStep,
  'post.fix': ZPostFix,
  'post.open': ZPostRef.extend({ verb: z.literal('post.open') }),
  'post.edit': ZPostRef.extend({ verb: z.literal('post.edit') }),
  'post.submit': ZPostRef.extend({ verb: z.literal('post.submit') }),
  'post.decide': ZPostDecision,
  'post.publish': ZPostPublish,
  'freshness.still_active': z.object({ verb: z.literal('freshness.still_active'), presenceId: uuid('a presence') }),
  'freshness.decide': ZDirectorDecision,
  'freshness.retire': ZOwnerRetire,

  'post.history': ZPostHistory,
  'post.correct.start': ZCorrectionStart,
  'post.correct': ZCorrection,
  'presence.oversight': ZOversight,
  'referral.start': ZReferralStart,
  'referral.record': ZReferral,
} as const satisfies Record<string, z.ZodType<{ verb: string }>>;

export type Verb = keyof typeof VERBS;
/** The data a handler receives for a verb, parsed. */
export type VerbData<V extends Verb> = z.output<(typeof VERBS)[V]>;

export const isVerb = (v: unknown): v is Verb => typeof v === 'string' && Object.hasOwn(VERBS, v);

/** The other invoke cards cause: typeahead searches (`application/search`), one schema and a fixed set of datasets. */
export { SEARCH_DATASETS, ZSearchInvoke, type SearchDataset, type TSearchInvoke } from './search';
