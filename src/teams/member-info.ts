import { TeamsInfo, type TurnContext } from 'botbuilder';

/** What Teams tells the bot about the person it is talking to (issue 10 prefill). Teams gives no job title. */
export interface MemberProfile {
  name?: string;
  email?: string;
}

/** Asks Teams about a member of this conversation; anyone else (or a Teams that does not answer) is unknown. */
async function member(ctx: TurnContext, id: string) {
  try {
    return await TeamsInfo.getMember(ctx, id);
  } catch {
    return undefined;
  }
}

/** The clicker's name and e-mail: from the activity first, then from Teams (the Playground answers too). */
export async function profileOf(ctx: TurnContext): Promise<MemberProfile> {
  const m = await member(ctx, ctx.activity.from.id);
  const email = m?.email?.trim() || m?.userPrincipalName?.trim() || undefined;
  return { name: ctx.activity.from.name?.trim() || m?.name?.trim() || undefined, email: email && email.includes('@') ? email.slice(0, 120) : undefined };
}

/** A chosen person's name, when they share this conversation with the bot (a team channel); else undefined. */
export function nameLookup(ctx: TurnContext): (aadObjectId: string) => Promise<string | undefined> {
  return async (aadObjectId) => (await member(ctx, aadObjectId))?.name?.trim() || undefined;
}
