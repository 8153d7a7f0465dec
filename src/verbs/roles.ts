import { z } from 'zod';
import { ROLES, needsDepartment } from '../domain/roles';
import { blankToUndefined } from './parse';

/** One schema per card action, shared by the card that renders the inputs and the handler that parses them. */
export const ZGrantRole = z
  .object({
    verb: z.literal('roles.grant'),
    personId: z.preprocess(blankToUndefined, z.string({ error: 'Choose the person who gets the role' }).uuid('Choose the person from the list')),
    role: z.preprocess(blankToUndefined, z.enum(ROLES, { error: 'Choose one of the roles in the list' })),
    departmentId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  })
  .superRefine((v, ctx) => {
    if (needsDepartment(v.role) && !v.departmentId) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'Department heads, approving authorities, spokespersons and policy delegates hold the role for one department: choose it' });
    }
  });
export type TGrantRole = z.infer<typeof ZGrantRole>;

export const ZRevokeRole = z.object({ verb: z.literal('roles.revoke'), grantId: z.string().uuid('This card names no role grant') });
export type TRevokeRole = z.infer<typeof ZRevokeRole>;
