import { Harness } from '../harness/bot-harness';
import { cardActions, cardText } from '../harness/teams-client';
import { approveAsAuthority, CITY_ATTORNEY, fillRequest, IT_REVIEW, parksAnswers, setUp } from '../harness/presence-flow';
import { seedSubunits } from '../../scripts/playground/demo-subunits';

const BOARD = 'Parks Division › Board of Park Commissioners';
const choicesOf = (card: any, id: string): Array<{ title: string; value: string }> => {
  let found: any;
  const walk = (n: any) => {
    if (!n || typeof n !== 'object' || found) return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.type === 'Input.ChoiceSet' && n.id === id) found = n;
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found?.choices ?? [];
};

/** REG-3: only the City's departments (and the boards and commissions under them) hold presences, checked on the server. */
describe("REG-3 a presence's department is one of the City's, subunits included", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ admins: ['Morgan Lee'] });
    await setUp(h);
    await seedSubunits(h.bot.db);
  });
  afterAll(() => h.stop());

  it('offers the subunits under their department, shown as "Parks Division › Board of Park Commissioners"', async () => {
    const [first] = await h.user('Pat Parker').say('request a presence');
    const titles = choicesOf(first, 'departmentId').map((c) => c.title);
    expect(titles).toContain(BOARD);
    expect(titles.indexOf(BOARD)).toBe(titles.indexOf('Parks Division') + 1);
  });

  it('refuses a department that is not the City\'s, at Next and at Submit, and the request stays a draft', async () => {
    const pat = h.user('Pat Parker');
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const { requestId } = await fillRequest(pat, { ...answers, 1: { ...answers[1], departmentId: 'pats-book-club' } });
    const next = (await pat.click({ verb: 'request.step', requestId, step: 1, nav: 'next', ...answers[1], departmentId: 'pats-book-club' })).card;
    expect(cardText(next)).toContain("Choose one of the City's departments from the list");
    expect(cardText(next)).toContain('Step 1 of 5');
    const submit = (await pat.click({ verb: 'request.submit', requestId })).card;
    expect(cardText(submit)).toContain("Choose one of the City's departments from the list");
    expect(await h.bot.db.presenceRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: 'draft' });
    expect(await h.bot.db.review.count({ where: { requestId } })).toBe(0);
  });

  it('registers a presence held by a board under its department; the department head answers for it', async () => {
    const pat = h.user('Pat Parker');
    const morgan = h.user('Morgan Lee');
    const dana = (await h.bot.db.person.findFirstOrThrow({ where: { name: 'Dana Reyes' } })).id;
    await morgan.click({ verb: 'roles.grant', personId: dana, role: 'department_head', departmentId: 'parks' });
    const answers = await parksAnswers(h, 'Dana Reyes', ['Pat Parker']);
    const { requestId, summary } = await fillRequest(pat, { ...answers, 1: { ...answers[1], departmentId: 'board-of-park-commissioners', handle: '@MadisonParkBoard' } });
    expect(cardText(summary)).toContain(BOARD);
    await pat.click({ verb: 'request.submit', requestId });
    await approveAsAuthority(h, requestId); // REQ-6: the approving authority first
    for (const [stage, who, where] of [['it', 'Ivy Tran', IT_REVIEW], ['attorney', 'Sam Okafor', CITY_ATTORNEY]] as const) {
      const review = await h.bot.db.review.findFirstOrThrow({ where: { requestId, stage } });
      await h.user(who).click({ verb: 'review.decide', reviewId: review.id, decision: 'approve' }, { channel: where });
    }
    const presence = await h.bot.db.presence.findUniqueOrThrow({ where: { requestId } });
    expect(presence.departmentId).toBe('board-of-park-commissioners');
    expect(cardText((await pat.say('registry'))[0])).toContain(`Instagram · ${BOARD}`);
    const filter = (await pat.click({ verb: 'registry.filter', departmentId: 'board-of-park-commissioners' })).card;
    expect(cardText(filter)).toContain('@MadisonParkBoard');
    // The head of Parks answers for its board: Hand over is theirs too (REG-1).
    expect(cardActions((await h.user('Dana Reyes').click({ verb: 'presence.open', presenceId: presence.id })).card).map((a) => a.title)).toContain('Hand over');
  });

  it('keeps boards out of policy status and role grants: they come under their department (POL-1)', async () => {
    const morgan = h.user('Morgan Lee');
    const [status] = await morgan.say('policy status');
    expect(cardText(status)).toContain('Parks Division');
    expect(cardText(status)).not.toContain('Board of Park Commissioners');
    const form = (await morgan.click({ verb: 'roles.grant.start' })).card;
    expect(choicesOf(form, 'departmentId').map((c) => c.value)).not.toContain('board-of-park-commissioners');
    const patId = (await h.bot.db.person.findFirstOrThrow({ where: { name: "Pat Parker" } })).id;
    const before = await h.bot.db.roleGrant.count();
    const refused = (await morgan.click({ verb: 'roles.grant', personId: patId, role: "department_head", departmentId: "board-of-park-commissioners" })).card;
    expect(cardText(refused)).toContain('That department is not in the City list.');
    expect(await h.bot.db.roleGrant.count()).toBe(before);
  });
});
