import { z } from 'zod';
import { blankToUndefined } from './parse';
import { HANDOVER_REASON_MAX } from '../domain/custody';

/** REG-2, REG-1: a presence's password and its handover. Data names the presence; never any authority. */
const presenceId = z.string().uuid('This card does not name a presence. Type "registry" for a fresh card.');

export const ZPasswordStart = z.object({ verb: z.literal('presence.password.start'), presenceId });

/** The password is never trimmed or echoed: what was typed is what is sealed. A blank login keeps the stored one. */
export const ZRecordPassword = z.object({
  verb: z.literal('presence.password'),
  presenceId,
  newLogin: z.preprocess(blankToUndefined, z.string().max(200, 'Keep the login under 200 characters').optional()),
  newPassword: z.preprocess(blankToUndefined, z.string({ error: 'Enter the new password of the account' }).max(200, 'Keep the password under 200 characters')),
});
export type TRecordPassword = z.infer<typeof ZRecordPassword>;

/** Inputs of the password form that hold a secret: a form that comes back leaves them empty. */
export const PASSWORD_INPUTS = ['newLogin', 'newPassword'] as const;

export const ZHandOverStart = z.object({ verb: z.literal('presence.handover.start'), presenceId });

/** Who and why are checked by the domain rule (custody.ts), so a missing one comes back on the form beside its field. */
export const ZHandOverPresence = z.object({
  verb: z.literal('presence.handover'),
  presenceId,
  newOwnerId: z.preprocess(blankToUndefined, z.string().uuid('Choose the new owner from the list').optional()),
  // Issue 10: the people picker's typed-name fallback (the Agents Playground cannot search Microsoft Graph).
  newOwnerIdTyped: z.preprocess(blankToUndefined, z.string().trim().max(100, 'Type one full name, under 100 characters').optional()),
  handoverReason: z.preprocess(blankToUndefined, z.string().max(HANDOVER_REASON_MAX, `Keep the reason under ${HANDOVER_REASON_MAX} characters`).optional()),
});
export type THandOverPresence = z.infer<typeof ZHandOverPresence>;
