import { Harness } from '../harness/bot-harness';
import { cardText, type TeamsUser } from '../harness/teams-client';
import { parksAnswers, setUp } from '../harness/presence-flow';
import { fullPolicy } from '../harness/policy-flow';
import { POLICY_STEPS } from '../../src/domain/policy-points';

/** Each kind of odd value a person can type (issue 9): no scheme, spaces, unicode, 10,000 characters, emoji, prototype names. */
const ODD = ['cityofmadison.com/parks', '   spaced out   ', 'Ünïcödé Ñame 中文 עברית', 'x'.repeat(10_000), '🎉🚀 emoji 👍🏽', 'constructor'];

/** The card's elements in reading order, containers and columns opened. */
function flatten(items: any[]): any[] {
  return items.flatMap((e) => [e, ...flatten([...(e.items ?? []), ...(e.columns ?? []).flatMap((c: any) => c.items ?? [])])]);
}

/** Either the flow moved on, or it stayed on this step with a message right under the field that was odd. */
function expectStepOrNext(card: any, step: number, count: number, field: string) {
  const text = cardText(card);
  expect(text).not.toContain('Sorry, something went wrong');
  if (!text.includes(`Step ${step} of ${count}`)) {
    expect(text).toMatch(step === count ? /Check your answers|Read it through/ : new RegExp(`Step ${step + 1} of ${count}`));
    return;
  }
  const body = flatten(card.body);
  const at = body.findIndex((e) => e.id === field);
  expect(at).toBeGreaterThanOrEqual(0);
  // Issue 19: the message is bold in the default colour (attention text reads 3.2:1 on Teams' dark theme).
  expect(body[at + 1]).toEqual(expect.objectContaining({ type: 'TextBlock', weight: 'Bolder' }));
}

describe('odd input on every field of every step gets the step card, never the apology', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'], env: { LOG_LEVEL: 'warn' } });
    await setUp(h);
    const dana = await h.bot.db.person.findFirstOrThrow({ where: { name: 'Dana Reyes' } });
    await h.user('Morgan Lee').click({ verb: 'roles.grant', personId: dana.id, role: 'department_head', departmentId: 'parks' });
  });
  afterAll(() => h.stop());

  /** Every odd value in every field of one step, the other fields answered well. */
  async function oddStep(user: TeamsUser, verb: string, idKey: string, id: string, step: number, count: number, answers: Record<string, string>) {
    for (const field of Object.keys(answers)) {
      for (const odd of ODD) {
        const res = await user.click({ verb, [idKey]: id, step, nav: 'next', ...answers, [field]: odd });
        expectStepOrNext(res.card, step, count, field);
      }
    }
  }

  for (const step of [1, 2, 3, 4, 5]) {
    it(`REQ-1 every field of request step ${step}`, async () => {
      const pat = h.user('Pat Parker');
      const [first] = await pat.say('request a presence');
      const requestId = first.actions.find((a: any) => a.verb === 'request.step').data.requestId as string;
      const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
      await oddStep(pat, 'request.step', 'requestId', requestId, step, 5, answers[step]);
    });
  }

  it('REQ-1 a City page typed without https:// is taken as https://', async () => {
    const pat = h.user('Pat Parker');
    const [first] = await pat.say('request a presence');
    const requestId = first.actions.find((a: any) => a.verb === 'request.step').data.requestId as string;
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const res = await pat.click({ verb: 'request.step', requestId, step: 2, nav: 'next', ...answers[2], cityWebPage: '  www.cityofmadison.com/parks ', staffContact: 'X' });
    expect(cardText(res.card)).toContain('Step 3 of 5');
    const saved = JSON.parse((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).answers);
    expect(saved.cityWebPage).toBe('https://www.cityofmadison.com/parks');
    const contact = await pat.click({ verb: 'request.step', requestId, step: 3, nav: 'save', ...answers[3], staffContact: ' PParker@CityOfMadison.com ' });
    expect(cardText(contact.card)).toContain('Draft saved');
    expect(JSON.parse((await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).answers).staffContact).toBe('pparker@cityofmadison.com');
  });

  POLICY_STEPS.forEach((fields, i) => {
    it(`POL-1 every field of policy step ${i + 1}`, async () => {
      const dana = h.user('Dana Reyes');
      const [first] = await dana.say('file our policy');
      const policyId = first.actions.find((a: any) => a.verb === 'policy.step').data.policyId as string;
      const answers = fullPolicy();
      await oddStep(dana, 'policy.step', 'policyId', policyId, i + 1, POLICY_STEPS.length, Object.fromEntries(fields.map((f) => [f, answers[f]])));
    });
  });
});
