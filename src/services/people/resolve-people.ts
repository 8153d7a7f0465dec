import { z } from 'zod';
import type { Actor } from '../../domain/roles';
import { appendAudit } from '../../records/audit';
import { containsText, TX_OPTIONS, type Db } from '../../store/prisma';
import { NAME_QUERY_MAX } from './find-people';

/** Entra object ids and our Person ids are both GUIDs; anything else a card sends is not a choice at all. */
const ZGuid = z.guid();
const isGuid = (v: string) => ZGuid.safeParse(v).success;

/** The name of a person Teams knows but the bot has not met, asked at the Teams edge (may be unknown). */
export type LookUpName = (aadObjectId: string) => Promise<string | undefined>;

/** Shown until the person first talks to the bot, which then records the name Teams gives (resolve-actor.ts). */
export const PLACEHOLDER_NAME = 'Teams user (not yet met)';

export type Resolved = { ok: true; ids: string[] } | { ok: false; error: string };

/** Splits "Ann Lee, Sam Okafor; Dana" into names; commas, semicolons and new lines all separate. */
export const typedNames = (typed: string | undefined) =>
  (typed ?? '').split(/[,;\n]/).map((s) => s.trim().slice(0, NAME_QUERY_MAX)).filter(Boolean).slice(0, 10);

/**
 * Whatever a people input sends, as Person ids (issue 10). A chosen value is a Person id (the bot's own choices and
 * dataset) or an Entra object id (Teams' people picker): an unknown GUID becomes a placeholder Person, recorded in
 * the audit trail with who chose them. A typed name (the Playground's fallback) must match one person the bot knows.
 * Never trusts the card: every value is looked up here.
 */
export async function resolvePeople(db: Db, actor: Actor, input: { chosen: readonly string[]; typed?: string }, lookUpName: LookUpName): Promise<Resolved> {
  const ids: string[] = [];
  for (const raw of input.chosen) {
    const v = raw.trim();
    if (!isGuid(v)) return { ok: false, error: 'Choose the person from the list' };
    const known = await db.person.findFirst({ where: { OR: [{ id: v }, { aadObjectId: v }] }, select: { id: true } });
    ids.push(known ? known.id : await placeholder(db, actor, v, lookUpName));
  }
  for (const name of typedNames(input.typed)) {
    const matches = await db.person.findMany({ where: { name: containsText(db, name) }, orderBy: { name: 'asc' }, take: 6, select: { id: true, name: true } });
    const exact = matches.filter((m) => m.name.toLowerCase() === name.toLowerCase());
    const hit = exact.length === 1 ? exact : matches;
    if (hit.length === 0) return { ok: false, error: `No one called "${name}" has used Social Steward yet: check the spelling, or ask them to say hello to the bot first` };
    if (hit.length > 1) return { ok: false, error: `Several people match "${name}" (${hit.slice(0, 5).map((m) => m.name).join(', ')}${hit.length > 5 ? ', ...' : ''}): type the full name` };
    ids.push(hit[0].id);
  }
  return { ok: true, ids: [...new Set(ids)] };
}

/**
 * One person from a single-person input: its chosen value, its typed name, or neither (`id` undefined). Two people
 * (a choice and a different typed name, or two typed names) are refused with `several`, for the card to show.
 */
export async function resolveOnePerson(db: Db, actor: Actor, input: { chosen?: string; typed?: string }, lookUpName: LookUpName, several: string): Promise<{ ok: true; id: string | undefined } | { ok: false; error: string }> {
  if (!input.chosen && !input.typed) return { ok: true, id: undefined };
  const r = await resolvePeople(db, actor, { chosen: input.chosen ? [input.chosen] : [], typed: input.typed }, lookUpName);
  if (!r.ok) return r;
  return r.ids.length > 1 ? { ok: false, error: several } : { ok: true, id: r.ids[0] };
}

async function placeholder(db: Db, actor: Actor, aadObjectId: string, lookUpName: LookUpName): Promise<string> {
  const name = ((await lookUpName(aadObjectId).catch(() => undefined)) ?? PLACEHOLDER_NAME).trim().slice(0, 200) || PLACEHOLDER_NAME;
  try {
    return await db.$transaction(async (tx) => {
      const p = await tx.person.create({ data: { aadObjectId, name } });
      await appendAudit(tx, { actor: { personId: actor.personId, name: actor.name }, action: 'person.placeholder_added', entityType: 'person', entityId: p.id, data: { aadObjectId, name } });
      return p.id;
    }, TX_OPTIONS);
  } catch (err) {
    // Chosen by two people at once: the other click created the row.
    const existing = await db.person.findUnique({ where: { aadObjectId }, select: { id: true } });
    if (!existing) throw err;
    return existing.id;
  }
}
