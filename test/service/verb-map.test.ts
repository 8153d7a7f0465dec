import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Application, TurnState } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import { ServiceWorld } from '../harness/service-world';
import { registerAll } from '../../src/teams/app';
import { createAdapter } from '../../src/teams/adapter';
import { Router } from '../../src/teams/router';
import { VERBS } from '../../src/verbs';
import { SEARCH_DATASETS } from '../../src/verbs/search';

const ROOT = path.resolve(__dirname, '..', '..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });

/** Issue 9 item 4: one map of verbs; every verb has a handler, every handler a verb, and a card that emits it. */
describe('the verb map', () => {
  let w: ServiceWorld;
  let router: Router;
  beforeAll(async () => {
    w = await ServiceWorld.start();
    const app = new Application<TurnState>({ adapter: createAdapter(w.services.config), storage: new MemoryStorage() });
    router = registerAll(new Router(app, w.services));
  });
  afterAll(() => w.stop());

  it('registers exactly one handler for every verb in the map, and none outside it', () => {
    expect([...router.verbs].sort()).toEqual(Object.keys(VERBS).sort());
  });

  it('answers every typeahead dataset the cards may name (issue 10), and no other', () => {
    expect([...router.datasets].sort()).toEqual([...SEARCH_DATASETS].sort());
  });

  it('every verb is emitted by a card, a notice or a help entry', () => {
    const emitting = [...sources(path.join(ROOT, 'cards')), ...sources(path.join(ROOT, 'src', 'services')), ...sources(path.join(ROOT, 'dialogs'))].map((f) => readFileSync(f, 'utf8')).join('\n');
    const helpVerbs = new Set(router.help.map((e) => e.verb));
    // A verb counts as emitted where it is card data ({ verb: '...' }), a picker's target (verb: '...'), or a help button.
    const missing = Object.keys(VERBS).filter((v) => !helpVerbs.has(v as never) && !new RegExp(`verb: '${v.replace('.', '\\.')}'`).test(emitting.replace(/router\.verb\('[^']+'/g, '')));
    expect(missing).toEqual([]);
  });
});
