import { LRUCache } from 'lru-cache';
import type { Router } from '../../src/teams/router';
import type { AdaptiveCard } from '../../cards/common/elements';
import type { Turn } from '../../src/teams/turn';
import type { Verb } from '../../src/verbs';
import { helpCard } from '../../cards/help/help-card';
import { didYouMeanCard } from '../../cards/help/did-you-mean-card';
import { rolesInWords } from '../../src/services/admin-reads';
import { closestCommands } from '../../src/domain/closest-commands';
import { GROUPS, ALIASES, groupOf } from './groups';

/** The help entries this person may use here, in the order of GROUPS. */
const visibleEntries = (router: Router, turn: Turn) => router.help.filter((e) => e.visible(turn.actor, turn.where));

/**
 * The help card is a pure function of the person's name, roles and the entries they may use, and it answers every
 * turn the bot does not understand: built once per distinct set of those (bounded), then shared. Nothing downstream
 * changes a card it sends.
 */
const built = new LRUCache<string, AdaptiveCard>({ max: 500 });

export async function helpFor(router: Router, turn: Turn, opts: { welcome?: boolean } = {}): Promise<AdaptiveCard> {
  const entries = visibleEntries(router, turn);
  const roles = await rolesInWords(turn.services, turn.actor);
  const key = JSON.stringify([turn.actor.name, roles, entries.map((e) => e.verb), opts.welcome ?? false]);
  let card = built.get(key);
  if (!card) {
    card = helpCard({ name: turn.actor.name, roles, groups: GROUPS.map((heading) => ({ heading, entries: entries.filter((e) => groupOf(e.verb) === heading) })), ...opts });
    built.set(key, card);
  }
  return card;
}

/** "Did you mean ...?": only commands this person may use here, matched on the command and its aliases. */
function didYouMean(router: Router, turn: Turn, said: string) {
  const entries = visibleEntries(router, turn);
  const keys = closestCommands(said, entries.map((e) => ({ key: e.verb, phrases: [e.command, ...(ALIASES.get(e.verb) ?? [])] })));
  const byVerb = new Map<Verb, (typeof entries)[number]>(entries.map((e) => [e.verb, e]));
  return didYouMeanCard({ said, suggestions: keys.flatMap((k) => byVerb.get(k) ?? []) });
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
  router.fallback(async (turn) => {
    const said = (turn.ctx.activity.text ?? '').trim().slice(0, 500);
    // A card's Action.Submit or an empty message is not "not understood"; it just gets the menu.
    return said ? didYouMean(router, turn, said) : helpFor(router, turn);
  });
}
