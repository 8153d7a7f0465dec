import { loadConfig } from '../../src/config/config';
import { createPrisma } from '../../src/store/prisma';
import { appendAudit } from '../../src/records/audit';
import { ZConversationReference, type TConversationReference } from '../../src/notify/conversation-reference';
import { seedSubunits } from './demo-subunits';
import { DEMO_TEAM, DEMO_USER_LIST, FIRST_ADMIN, PLAYGROUND_BOT, PLAYGROUND_TENANT_ID, type DemoChannelKey } from './users';

const SETUP_ACTOR = { personId: null, name: 'Playground demo set-up' };

/**
 * Gives the Playground's demo people their roles (Dana heads Parks, Ivy reviews for IT, ...) so each one sees their
 * own cards. Idempotent, and audited like any grant. Runs against the database the bot just migrated.
 */
export async function seedDemo(env: Record<string, string | undefined>): Promise<void> {
  const db = createPrisma(loadConfig(env).databaseUrl);
  try {
    await seedSubunits(db);
    for (const user of DEMO_USER_LIST) {
      await db.$transaction(async (tx) => {
        let person = await tx.person.findUnique({ where: { aadObjectId: user.aadObjectId } });
        if (!person) {
          person = await tx.person.create({ data: { aadObjectId: user.aadObjectId, teamsUserId: user.teamsUserId, name: user.name } });
          await appendAudit(tx, { actor: SETUP_ACTOR, action: 'person.first_contact', entityType: 'person', entityId: person.id, data: { name: user.name, aadObjectId: user.aadObjectId } });
        }
        // Morgan's admin role comes from FIRST_ADMINS, as a real deployment's first admins do.
        for (const grant of user.demoRoles.filter((g) => g.role !== 'admin')) {
          const scope = grant.departmentId ?? '';
          const exists = await tx.roleGrant.findUnique({ where: { personId_role_scope: { personId: person.id, role: grant.role, scope } } });
          if (exists) continue;
          const created = await tx.roleGrant.create({ data: { personId: person.id, role: grant.role, scope, departmentId: grant.departmentId ?? null } });
          await appendAudit(tx, { actor: SETUP_ACTOR, action: 'role.granted', entityType: 'person', entityId: person.id, data: { grantId: created.id, person: user.name, role: grant.role, departmentId: grant.departmentId ?? null } });
        }
      });
    }
  } finally {
    await db.$disconnect();
  }
}

/**
 * The Bot Framework conversation reference of a Playground channel, as the bot would store it from a message there:
 * the Playground stamps every activity with `serviceUrl` = its own mock connector, http://localhost:<its port>/_connector
 * (checked against the ConversationRef rows the bot stores), so a reference is only good for a Playground on that port.
 */
export function playgroundChannelReference(channelId: string, serviceUrl: string): TConversationReference {
  return ZConversationReference.parse({
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT_ID },
    bot: { id: PLAYGROUND_BOT.id, name: PLAYGROUND_BOT.name },
  });
}

/** The mock connector's address the Playground puts in serviceUrl (its --service-url / env override wins). */
export function playgroundServiceUrl(playgroundPort: number, env: Record<string, string | undefined> = process.env): string {
  return env.M365_AGENTS_PLAYGROUND_SERVICE_URL?.trim() || `http://localhost:${playgroundPort}/_connector`;
}

export type DemoBindingOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Binds the purpose of the Playground's one extra channel (it-review -> it_review, city-attorney -> city_attorney,
 * mayors-office -> mayors_office) to that channel, as Morgan would with "bind channel" there, so a submitted request's
 * IT review card shows up in the Playground without any set-up by hand. Must run once the Playground listens: the
 * reference carries its serviceUrl, i.e. its port.
 *
 * Idempotent: nothing is written when the purpose is already bound to that channel through that serviceUrl (a binding
 * Morgan made by hand in the Playground counts). Otherwise the row is written and audited as "channel.bound" by
 * "Playground demo set-up" (for instance when the Playground had to take another port), with the previous binding.
 * The bot needs no message in the channel first: channel posts use this reference, not a stored ConversationRef.
 */
export async function bindDemoChannel(
  env: Record<string, string | undefined>,
  target: { channel: Exclude<DemoChannelKey, 'general'>; serviceUrl: string },
): Promise<DemoBindingOutcome> {
  const channel = DEMO_TEAM.channels.find((c) => c.key === target.channel);
  if (!channel?.purpose) throw new Error(`The demo channel "${target.channel}" has no purpose to bind`);
  const purpose = channel.purpose;
  const reference = playgroundChannelReference(channel.id, target.serviceUrl);
  const db = createPrisma(loadConfig(env).databaseUrl);
  try {
    return await db.$transaction(async (tx) => {
      const morgan = await tx.person.findUnique({ where: { aadObjectId: FIRST_ADMIN.aadObjectId } });
      if (!morgan) throw new Error(`${FIRST_ADMIN.name} is not in the database yet: run seedDemo first`);
      const previous = await tx.channelBinding.findUnique({ where: { purpose } });
      if (previous && previous.teamId === DEMO_TEAM.id && previous.channelId === channel.id) {
        let same = false;
        try {
          same = ZConversationReference.parse(JSON.parse(previous.reference)).serviceUrl === target.serviceUrl;
        } catch {
          /* unreadable: rewrite it */
        }
        if (same) return 'unchanged';
      }
      const data = { teamId: DEMO_TEAM.id, channelId: channel.id, channelName: channel.name, reference: JSON.stringify(reference), boundById: morgan.id, boundAt: new Date() };
      await tx.channelBinding.upsert({ where: { purpose }, create: { purpose, ...data }, update: data });
      await appendAudit(tx, {
        actor: SETUP_ACTOR,
        action: 'channel.bound',
        entityType: 'channel_binding',
        entityId: purpose,
        data: {
          purpose,
          channelId: channel.id,
          channelName: channel.name,
          teamId: DEMO_TEAM.id,
          serviceUrl: target.serviceUrl,
          boundFor: FIRST_ADMIN.name,
          previous: previous ? { channelId: previous.channelId, channelName: previous.channelName } : null,
        },
      });
      return previous ? 'updated' : 'created';
    });
  } finally {
    await db.$disconnect();
  }
}
