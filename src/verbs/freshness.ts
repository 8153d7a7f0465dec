import { z } from 'zod';
import { DIRECTOR_ACTIONS } from '../domain/freshness/director-rule';
import { ownValue } from '../domain/own-keys';
import { blankToUndefined } from './parse';

const uuid = (what: string) => z.string().uuid(`This card does not name ${what}.`);

/** Each action's inputs sit in its own ShowCard, and input ids must be unique on a card. */
export const DIRECTOR_INPUTS = {
  more_time: { ground: 'moreTimeGround', note: 'moreTimeNote' },
  reassign: { ground: 'reassignGround', note: 'reassignNote' },
  suspend: { ground: 'suspendGround', note: 'suspendNote' },
  remove: { ground: 'removeGround', note: 'removeNote' },
} as const;

const text = (max: number, what: string) => z.preprocess(blankToUndefined, z.string().trim().max(max, `Keep the ${what} under ${max} characters`).optional());

/** FRESH-2: the IT Director's action on an escalation card. The ground and note are checked by the domain rule. */
export const ZDirectorDecision = z.preprocess(
  (d) => {
    if (!d || typeof d !== 'object') return d;
    const o = d as Record<string, unknown>;
    const boxes = ownValue(DIRECTOR_INPUTS, o.action);
    if (!boxes) return o;
    const pick = (k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
    return { ...o, ground: pick(boxes.ground) ?? o.ground, note: pick(boxes.note) ?? o.note };
  },
  z.object({
    verb: z.literal('freshness.decide'),
    escalationId: uuid('an escalation'),
    action: z.enum(DIRECTOR_ACTIONS, { error: 'This card does not name an action.' }),
    ground: text(40, 'ground'),
    note: text(1000, 'note'),
    newOwnerId: z.preprocess(blankToUndefined, uuid('a person').optional()),
    newOwnerIdTyped: text(100, 'name'),
  }),
);
export type TDirectorDecision = z.infer<typeof ZDirectorDecision>;

const presenceId = uuid('a presence');

// The digest's Hand over opens the custody handover (presence.handover.start, REG-1): see ./custody.ts.

/** The digest lists several presences, each with its own reason box: the box's id names the presence. */
export const retireInputId = (presenceId: string) => `retireReason-${presenceId}`;
export const ZOwnerRetire = z.preprocess(
  (d) => {
    if (!d || typeof d !== 'object') return d;
    const o = d as Record<string, unknown>;
    const box = typeof o.presenceId === 'string' ? retireInputId(o.presenceId) : '';
    return { ...o, reason: (box && Object.hasOwn(o, box) ? o[box] : undefined) ?? o.reason };
  },
  z.object({ verb: z.literal('freshness.retire'), presenceId, reason: text(500, 'reason') }),
);
