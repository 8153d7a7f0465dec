import { z } from 'zod';
import { ROLES, needsDepartment } from '../domain/roles';
import { blankToUndefined } from './parse';
import { confirmedFlag } from './presence-request';

/** One schema per card action, shared by the card that renders the inputs and the handler that parses them. */
export const ZGrantRole = z
  .object({
    verb: z.literal('roles.grant'),
    // Issue 10: a Person id, or an Entra object id from Teams' people picker; or a name typed where there is no picker.
    personId: z.preprocess(blankToUndefined, z.guid('Choose the person from the list').optional()),
    personIdTyped: z.preprocess(blankToUndefined, z.string().trim().max(100, 'Type one full name, under 100 characters').optional()),
    role: z.preprocess(blankToUndefined, z.enum(ROLES, { error: 'Choose one of the roles in the list' })),
    departmentId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  })
  .superRefine((v, ctx) => {
    if (!v.personId && !v.personIdTyped) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Choose the person who gets the role' });
    if (needsDepartment(v.role) && !v.departmentId) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'Department heads, approving authorities, spokespersons and policy delegates hold the role for one department: choose it' });
    }
  });
export type TGrantRole = z.infer<typeof ZGrantRole>;

export const ZRevokeRole = z.object({ verb: z.literal('roles.revoke'), grantId: z.string().uuid('This card names no role grant'), confirmed: confirmedFlag.optional() });
export type TRevokeRole = z.infer<typeof ZRevokeRole>;
