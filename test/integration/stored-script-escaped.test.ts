import { Harness } from '../harness/bot-harness';
import { cardActions } from '../harness/teams-client';
import { fillPolicy, fullPolicy, setUpPolicies } from '../harness/policy-flow';
import { POLICY_POINTS } from '../../src/domain/policy-points';

const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';

/** Issue 16: what a person typed is text wherever a page shows it, never markup (POL-1 document). */
describe('stored <script> in every free-text field of a policy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUpPolicies(h);
  });
  afterAll(() => h.stop());

  it('is escaped on the printable document page, which also forbids scripts by its Content-Security-Policy', async () => {
    const dana = h.user('Dana Reyes');
    const answers = Object.fromEntries(Object.entries(fullPolicy()).map(([k, v]) => [k, k === 'personalUse' ? v : `${v} ${SCRIPT}`]));
    const { policyId } = await fillPolicy(dana, answers);
    await dana.click({ verb: 'policy.file', policyId });
    const view = await dana.click({ verb: 'policy.version', policyId });
    const link = (view.card.actions as any[]).find((a) => a.type === 'Action.OpenUrl' && a.title === 'Get as a document');
    expect(cardActions(view.card).length).toBeGreaterThan(0);
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/<script|<img/i);
    // Every point's text is on the page, escaped.
    expect(html.split('&lt;script&gt;').length - 1).toBe(POLICY_POINTS.length + 1);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'|script-src 'none'/);
  });
});
