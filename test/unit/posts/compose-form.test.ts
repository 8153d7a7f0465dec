import { COMPOSE_LIMITS, composeTooBig, postDraftOf, publishAtOf } from '../../../src/domain/posts/compose-form';

describe('the compose card as a PostDraft', () => {
  it('reads links one per line and image slots with their alt text', () => {
    const out = postDraftOf({ text: 'Hi', links: ' https://www.cityofmadison.com/a \n\nhttps://www.cityofmadison.com/b', image2Url: 'https://www.cityofmadison.com/p.jpg', image2Alt: 'A pool', emergency: 'yes' });
    expect(out).toMatchObject({ ok: true, draft: { text: 'Hi', links: ['https://www.cityofmadison.com/a', 'https://www.cityofmadison.com/b'], images: [{ url: 'https://www.cityofmadison.com/p.jpg', alt: 'A pool' }], emergency: true } });
  });
  it('keys problems by the card field, and still reads the text for the checks', () => {
    const out = postDraftOf({ text: 'Pool day', image1Alt: 'Alt without an image' });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.errors).toHaveProperty('image1Url');
    expect(out.draft.text).toBe('Pool day');
  });
});

describe('publish at, in the City time zone', () => {
  it('is optional', () => expect(publishAtOf({}, 'America/Chicago')).toEqual({ ok: true, at: null }));
  it('reads a winter and a summer date as Chicago wall-clock time', () => {
    expect(publishAtOf({ publishDate: '2026-12-10', publishTime: '09:00' }, 'America/Chicago')).toEqual({ ok: true, at: new Date('2026-12-10T15:00:00Z') });
    expect(publishAtOf({ publishDate: '2026-07-04', publishTime: '21:30' }, 'America/Chicago')).toEqual({ ok: true, at: new Date('2026-07-05T02:30:00Z') });
    expect(publishAtOf({ publishDate: '2026-07-04' }, 'America/Chicago')).toEqual({ ok: true, at: new Date('2026-07-04T14:00:00Z') });
  });
  it('refuses a time without a day and nonsense', () => {
    expect(publishAtOf({ publishTime: '09:00' }, 'America/Chicago')).toMatchObject({ ok: false, field: 'publishDate' });
    expect(publishAtOf({ publishDate: '2026-13-40' }, 'America/Chicago')).toMatchObject({ ok: false });
    expect(publishAtOf({ publishDate: '2026-12-10', publishTime: '9am' }, 'America/Chicago')).toMatchObject({ ok: false, field: 'publishTime' });
  });
});

describe('what fits on a card', () => {
  it('counts bytes, so a post in any script is held to the same card size', () => {
    expect(composeTooBig({ text: 'a'.repeat(COMPOSE_LIMITS.textChars) })).toBeUndefined();
    expect(composeTooBig({ text: '公'.repeat(COMPOSE_LIMITS.textChars) })).toContain('too long to show on a Teams card');
  });
});
