import type { Router } from '../../src/teams/router';
import type { Turn } from '../../src/teams/turn';
import { helpCard } from '../../cards/help/help-card';
import { rolesInWords } from '../../src/services/admin-reads';

export async function helpFor(router: Router, turn: Turn, opts: { welcome?: boolean; notUnderstood?: string } = {}) {
  return helpCard({
    name: turn.actor.name,
    roles: await rolesInWords(turn.services, turn.actor),
    entries: router.help.filter((e) => e.visible(turn.actor, turn.where)),
    ...opts,
  });
}

/** help, the welcome on install, and the fallback for anything not understood. */
export function register(router: Router): void {
  router.command(['help', '\\?', 'hi', 'hello', 'menu'], (turn) => helpFor(router, turn));
  router.verb('help.show', (turn) => helpFor(router, turn));

  // TEAMS.md: a personal install sends conversationUpdate with the bot among membersAdded.
  router.app.conversationUpdate('membersAdded', async (ctx, state) => {
    const botAdded = (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient.id);
    if (!botAdded) return;
    await router.reply(ctx, state, (turn) => helpFor(router, turn, { welcome: true }));
  });
}

export function registerFallback(router: Router): void {
  router.fallback((turn) => {
    const said = (turn.ctx.activity.text ?? '').trim();
    // A card's Action.Submit or an empty message is not "not understood"; it just gets the menu.
    return helpFor(router, turn, said ? { notUnderstood: said } : {});
  });
}
