import { z } from 'zod';
import { PRESENCE_STATES, STATE_TARGETS, type StateTarget } from '../domain/presence';
import { stepSchemas } from '../domain/presence-answers';
import { blankToUndefined } from './parse';
import { ownValue } from '../domain/own-keys';

/** Card actions of the registry. Data names the presence and the version the clicker saw; never any authority. */
const presenceId = z.string().uuid('This card does not name a presence. Type "registry" for a fresh card.');
const version = z.coerce.number().int().min(1);

/** A compact dropdown cannot be cleared in Teams, so "any" is a choice of its own. */
export const ANY = 'any';
const filter = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === ANY ? undefined : blankToUndefined(v)), inner.optional());

export const ZRegistryFilter = z.object({
  verb: z.literal('registry.filter'),
  departmentId: filter(z.string().max(64)),
  platform: filter(z.string().max(80)),
  state: filter(z.enum(PRESENCE_STATES, { error: 'Choose a state from the list' })),
});
export type TRegistryFilter = z.infer<typeof ZRegistryFilter>;

export const ZPresenceRef = z.object({ verb: z.enum(['presence.open', 'presence.edit.start', 'presence.reveal']), presenceId });

/** The approval notice knows only the request, so setup can start from either id. */
export const ZSetupStart = z
  .object({ verb: z.literal('presence.setup.start'), presenceId: presenceId.optional(), requestId: z.string().uuid().optional() })
  .refine((v) => v.presenceId || v.requestId, 'This card does not name a presence. Type "registry" for a fresh card.');

const httpsUrl = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .max(300, 'Keep the address under 300 characters')
    .url('Enter a full address, like https://www.instagram.com/madisonparks')
    .refine((u) => u.startsWith('https://'), 'Use an https:// address');

/** REG-2, REG-5. Login and password are never trimmed or echoed: what was typed is what is sealed. */
export const ZGoLive = z.object({
  verb: z.literal('presence.golive'),
  presenceId,
  accountUrl: z.preprocess(blankToUndefined, httpsUrl("Enter the account's address")),
  login: z.preprocess(blankToUndefined, z.string({ error: 'Enter the login (user name or email) of the account' }).max(200, 'Keep the login under 200 characters')),
  password: z.preprocess(blankToUndefined, z.string({ error: 'Enter the password of the account' }).max(200, 'Keep the password under 200 characters')),
  noticeInPlace: z.preprocess((v) => v === true || v === 'true', z.literal(true, { error: "Post the City's notice on the account, then confirm it here" })),
});
export type TGoLive = z.infer<typeof ZGoLive>;

/** Inputs that hold a secret: a form that comes back with errors leaves them empty. */
export const SECRET_INPUTS = ['login', 'password'] as const;

// The same rules as the request flow, so a detail valid when requested stays valid when edited.
const request = stepSchemas([]);
export const EDIT_FIELDS = ['handle', 'accountUrl', 'staffName', 'staffTitle', 'staffContact', 'dataLocation'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export const ZEditPresence = z.object({
  verb: z.literal('presence.edit'),
  presenceId,
  version,
  handle: request[0].shape.handle,
  // Blank is allowed before go-live (no account yet); the service refuses it once the presence is live.
  accountUrl: z.preprocess(blankToUndefined, httpsUrl("Enter the account's address").optional()),
  staffName: request[2].shape.staffName,
  staffTitle: request[2].shape.staffTitle,
  staffContact: request[2].shape.staffContact,
  dataLocation: request[3].shape.dataLocation,
});
export type TEditPresence = z.infer<typeof ZEditPresence>;

/** Each reason box sits in its own ShowCard, and input ids must be unique on a card. */
export const REASON_INPUT: Record<StateTarget, string> = { suspended: 'suspendReason', active: 'reactivateReason', retired: 'retireReason' };

export const ZSetState = z.preprocess(
  (d) => {
    if (!d || typeof d !== 'object') return d;
    const o = d as Record<string, unknown>;
    const box = ownValue(REASON_INPUT, o.to);
    return { ...o, reason: (box && Object.hasOwn(o, box) ? o[box] : undefined) ?? o.reason };
  },
  z.object({
    verb: z.literal('presence.state'),
    presenceId,
    version,
    to: z.enum(STATE_TARGETS),
    reason: z.preprocess(blankToUndefined, z.string({ error: 'Say why, so the owner knows and the record shows it' }).trim().max(1000, 'Keep the reason under 1000 characters')),
  }),
);
export type TSetState = z.infer<typeof ZSetState>;
