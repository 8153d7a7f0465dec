import { randomUUID } from 'node:crypto';
import type { FakeConnector } from './fake-connector';

export const TENANT_ID = '0b7e1c2a-5a4e-4d8e-9d55-3f1f6a9c0001';
export const BOT = { id: '28:social-steward-test-bot', name: 'Social Steward' };
export const TEAM = { id: '19:city-social-media@thread.tacv2', name: 'City Social Media' };

export interface Channel {
  id: string;
  name: string;
}
export const channel = (name: string): Channel => ({ id: `19:${name.toLowerCase().replace(/[^a-z]+/g, '-')}@thread.tacv2`, name });

export type Place = { personal: true } | { channel: Channel };
export const PERSONAL: Place = { personal: true };

export interface InvokeResult {
  status: number;
  body: any;
  /** The card that replaced the clicked one, when the answer was a card. */
  card?: any;
}

/**
 * A named Teams user talking to the bot over the real HTTP endpoint with Teams-shaped activities. Replies come back
 * through the fake connector; Action.Execute answers come back in the HTTP response, as in Teams.
 */
export class TeamsUser {
  readonly teamsId: string;
  constructor(
    readonly name: string,
    readonly aadObjectId: string,
    private readonly botUrl: () => string,
    private readonly connector: FakeConnector,
  ) {
    this.teamsId = `29:${aadObjectId}`;
  }

  personalConversationId(): string {
    return `a:personal-${this.aadObjectId}`;
  }

  activity(type: string, place: Place, extra: Record<string, unknown> = {}) {
    const base = {
      type,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl: this.connector.url,
      channelId: 'msteams',
      from: { id: this.teamsId, name: this.name, aadObjectId: this.aadObjectId },
      recipient: BOT,
      locale: 'en-US',
    };
    if ('personal' in place) {
      return { ...base, conversation: { id: this.personalConversationId(), conversationType: 'personal', tenantId: TENANT_ID }, channelData: { tenant: { id: TENANT_ID } }, ...extra };
    }
    return {
      ...base,
      conversation: { id: `${place.channel.id};messageid=${Date.now()}`, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
      channelData: { team: TEAM, channel: place.channel, tenant: { id: TENANT_ID } },
      ...extra,
    };
  }

  /** Types a message; in a channel it @mentions the bot, as Teams requires there. Returns the cards the bot replied with. */
  async say(text: string, place: Place = PERSONAL): Promise<any[]> {
    const inChannel = 'channel' in place;
    const body = this.activity('message', place, {
      text: inChannel ? `<at>${BOT.name}</at> ${text}` : text,
      ...(inChannel ? { entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] } : {}),
    });
    const before = this.connector.calls.length;
    const res = await this.post(body);
    if (res.status !== 200) throw new Error(`message "${text}" got HTTP ${res.status}: ${JSON.stringify(res.body)}`);
    return this.connector.cards((c) => this.connector.calls.indexOf(c) >= before && c.body?.replyToId === body.id).map((c) => c.card);
  }

  /** Clicks an Action.Execute button: `data` is the action's data merged with the card's input values. */
  async click(data: { verb: string } & Record<string, unknown>, place: Place = PERSONAL): Promise<InvokeResult> {
    const body = this.activity('invoke', place, {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger: 'manual' },
    });
    const res = await this.post(body);
    const card = res.body?.type === 'application/vnd.microsoft.card.adaptive' ? res.body.value : undefined;
    return { status: res.status, body: res.body, card };
  }

  /** Types in a typeahead input: Teams sends `application/search` for the input's dataset. Returns the results. */
  async search(dataset: string, queryText: string, place: Place = PERSONAL, top = 15): Promise<{ status: number; body: any; results?: Array<{ title: string; value: string }> }> {
    const body = this.activity('invoke', place, { name: 'application/search', value: { kind: 'search', queryText, queryOptions: { skip: 0, top }, dataset } });
    const res = await this.post(body);
    return { ...res, results: res.body?.value?.results };
  }

  /** Installs the app: Teams sends conversationUpdate with the bot among the members added. */
  async install(place: Place = PERSONAL): Promise<any[]> {
    const body = this.activity('conversationUpdate', place, { membersAdded: [{ id: BOT.id }] });
    const before = this.connector.calls.length;
    const res = await this.post(body);
    if (res.status !== 200) throw new Error(`install got HTTP ${res.status}`);
    return this.connector.cards((c) => this.connector.calls.indexOf(c) >= before).map((c) => c.card);
  }

  async post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.botUrl()}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  }
}

/** All text on a card, flattened, for assertions that read like what a person sees. */
export function cardText(card: any): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    for (const key of ['text', 'title', 'label', 'value', 'placeholder']) if (typeof n[key] === 'string') out.push(n[key]);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out.join('\n');
}

/** The Action.Execute buttons on a card (top level and inside ShowCards and ActionSets). */
export function cardActions(card: any): Array<{ title: string; verb: string; data: any }> {
  const out: Array<{ title: string; verb: string; data: any }> = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.type === 'Action.Execute') out.push({ title: n.title, verb: n.verb, data: n.data });
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}
