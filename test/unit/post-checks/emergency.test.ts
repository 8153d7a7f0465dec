import { checkEmergency, findEmergencyTerms } from '../../../src/domain/posts/emergency';
import { EMERGENCY_PAGE } from './fixtures';

describe('POST-4 emergency information goes through the City website', () => {
  it('refuses a draft declared as emergency information, with the emergency page address', () => {
    const [f] = checkEmergency('Pools open Saturday.', true, EMERGENCY_PAGE);
    expect(f).toMatchObject({ rule: 'POST-4', code: 'emergency-declared', severity: 'blocking', field: 'emergency' });
    expect(f.message).toContain(EMERGENCY_PAGE);
    expect(f.message).toMatch(/never posted directly/);
    expect(f.fix).toBeUndefined();
  });

  it.each([
    ['Residents of the Marquette neighborhood must evacuate now.', 'evacuate'],
    ['Evacuation of Tenney Park is under way', 'Evacuation'],
    ['Shelter in place until further notice', 'Shelter in place'],
    ['SHELTERING-IN-PLACE is advised', 'SHELTERING-IN-PLACE'],
    ['A boil-water notice is in effect for the east side', 'boil-water'],
    ['Boil water before drinking', 'Boil water'],
    ['Tornado warning for Dane County until 5 pm', 'Tornado warning'],
    ['A flash flood warning was issued', 'flash flood warning'],
    ['Police report an active threat near State Street', 'active threat'],
    ['E Washington Ave is closed due to a gas leak', 'gas leak'],
    ['John Nolen Drive: road closed due to flooding', 'road closed due to'],
    ['Streets are closed because of the water main break', 'Streets are closed because of'],
  ])('refuses %p, pointing at %p', (text, term) => {
    const findings = checkEmergency(text, false, EMERGENCY_PAGE);
    expect(findings.length).toBeGreaterThan(0);
    const f = findings.find((x) => text.slice(x.range!.start, x.range!.end) === term);
    expect(f).toMatchObject({ rule: 'POST-4', code: 'emergency-wording', severity: 'blocking' });
    expect(f!.message).toContain(EMERGENCY_PAGE);
  });

  it.each([
    'Join our emergency preparedness fair at Warner Park on Saturday.',
    'Tornado season tips: learn the difference between a watch and a warning.',
    'Learn to boil eggs at the community center.',
    'The flood of applications for summer camp was wonderful!',
    'Road closed for the Ironman race on Sunday; detours posted.',
    '',
  ])('does not mistake %p for emergency information', (text) => {
    expect(checkEmergency(text, false, EMERGENCY_PAGE)).toEqual([]);
  });

  it('lists every match in text order, with ranges after emoji', () => {
    const text = '⚠️🌪️ Tornado warning! Take shelter. Then evacuate.';
    expect(findEmergencyTerms(text).map((m) => text.slice(m.range.start, m.range.end))).toEqual(['Tornado warning', 'Take shelter', 'evacuate']);
  });
});
