import { bindingKey, bindingLabel, parseBindingKey } from '../../src/domain/channels';

/** POST-6: Post approval is bound per department; every other purpose keeps one City-wide channel. */
describe('channel binding keys', () => {
  it('keys Post approval by department, and ignores a department for the other purposes', () => {
    expect(bindingKey('post_approval', 'parks')).toBe('post_approval:parks');
    expect(bindingKey('post_approval')).toBe('post_approval');
    expect(bindingKey('it_review', 'parks')).toBe('it_review');
  });

  it('reads a key back, and refuses keys no purpose reads as', () => {
    expect(parseBindingKey('post_approval:parks')).toEqual({ purpose: 'post_approval', departmentId: 'parks' });
    expect(parseBindingKey('it_director')).toEqual({ purpose: 'it_director' });
    for (const bad of ['it_review:parks', 'post_approval:', 'constructor', 'toString:parks', '']) expect(parseBindingKey(bad)).toBeNull();
  });

  it('says which department a binding serves', () => {
    expect(bindingLabel('post_approval:parks', (id) => (id === 'parks' ? 'Parks Division' : undefined))).toBe('Post approval (Parks Division)');
    expect(bindingLabel('post_approval')).toBe('Post approval (every other department)');
    expect(bindingLabel('mayors_office')).toBe("Mayor's Office");
  });
});
