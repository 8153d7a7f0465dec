import { isOwnKey, ownLabel, ownValue } from '../../src/domain/own-keys';
import { PERSONAL_USE_RULES, policyProblems } from '../../src/domain/policy-points';
import { PLATFORM_LABELS } from '../../src/domain/presence-answers';

/** Issue 8 item 5: a value that came from outside is looked up by own keys only, and a stored value always renders. */
describe('own-key lookups', () => {
  const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  it('does not find Object.prototype members in a table', () => {
    for (const name of PROTOTYPE_NAMES) {
      expect(isOwnKey(PERSONAL_USE_RULES, name)).toBe(false);
      expect(ownValue(PLATFORM_LABELS, name)).toBeUndefined();
    }
    expect(isOwnKey(PERSONAL_USE_RULES, 'limited')).toBe(true);
  });

  it('renders an unknown stored value as itself, never as a function', () => {
    expect(ownLabel(PLATFORM_LABELS, 'constructor')).toBe('constructor');
    expect(ownLabel(PLATFORM_LABELS, 'instagram')).toBe('Instagram');
    expect(ownLabel(PLATFORM_LABELS, undefined)).toBe('');
  });

  it('POL-1 refuses a personal-use rule named like a prototype member', () => {
    for (const name of PROTOTYPE_NAMES) expect(policyProblems({ personalUse: name }, ['personalUse'])).toHaveProperty('personalUse');
  });
});
