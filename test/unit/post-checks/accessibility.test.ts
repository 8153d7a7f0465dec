import { checkImages, checkTextAccessibility } from '../../../src/domain/posts/accessibility';
import { checkHashtagCase, splitWords } from '../../../src/domain/posts/hashtag-words';
import { checkReadability, readingGrade } from '../../../src/domain/posts/readability';
import { applyFix } from '../../../src/domain/posts/apply-fix';
import { draft } from './fixtures';

describe('A11Y images need alt text (ADA Title II 2024, WCAG 2.1 AA 1.1.1)', () => {
  it('blocks an image without alt text and names the image', () => {
    const findings = checkImages([
      { url: 'https://x.example/1.jpg', alt: 'Children splash in the Goodman Pool fountain' },
      { url: 'https://x.example/2.jpg', alt: '   ' },
    ]);
    expect(findings).toEqual([expect.objectContaining({ rule: 'A11Y', code: 'alt-text-missing', severity: 'blocking', field: 'images.1.alt' })]);
    expect(findings[0].message).toMatch(/^Image 2 needs alt text/);
  });

  it('warns about alt text that is only a file name or "photo"', () => {
    expect(checkImages([{ url: 'https://x.example/1.jpg', alt: 'IMG_2041.JPG' }, { url: 'https://x.example/2.jpg', alt: 'Photo' }]).map((f) => [f.code, f.severity])).toEqual([
      ['alt-text-placeholder', 'warning'],
      ['alt-text-placeholder', 'warning'],
    ]);
    expect(checkImages([])).toEqual([]);
  });
});

describe('A11Y multi-word hashtags in CamelCase', () => {
  it('splits run-together words the way a reader would', () => {
    expect(splitWords('parksandrec')).toEqual(['parks', 'and', 'rec']);
    expect(splitWords('lakemendota')).toEqual(['lake', 'mendota']);
    expect(splitWords('a_b')).toBeNull();
    // The list holds every letter, so any run splits; the plausibility rule keeps such guesses from becoming fixes.
    expect(splitWords('zzqxj')).toEqual(['zz', 'qx', 'j']);
    expect(checkHashtagCase('#zzqxj #lakemonona')).toMatchObject([{ fix: { text: '#LakeMonona' } }]);
  });

  it('warns with a one-click fix that capitalises each word', () => {
    const text = 'Summer is here! #parksandrec #lakemendota';
    const [a, b] = checkHashtagCase(text);
    expect(a).toMatchObject({ rule: 'A11Y', code: 'hashtag-case', severity: 'warning', fix: { kind: 'replace', label: 'Use #ParksAndRec', text: '#ParksAndRec' } });
    expect(b.fix).toMatchObject({ text: '#LakeMendota' });
    const once = applyFix(draft(text), a.fix!);
    if (once.refused) throw new Error(once.message);
    expect(once.draft.text).toBe('Summer is here! #ParksAndRec #lakemendota');
    // The second fix was offered for the old text; its range still holds what it held, so it applies.
    const twice = applyFix(once.draft, b.fix!);
    expect(twice).toMatchObject({ refused: false, draft: { text: 'Summer is here! #ParksAndRec #LakeMendota' } });
  });

  it('leaves CamelCase, single words, unknown words and prototype names alone', () => {
    expect(checkHashtagCase('#ParksAndRec #madison #Wisconsin #olbrich #xqzvbn #__proto__ #constructor #hasOwnProperty')).toEqual([]);
  });

  it('also fixes a hashtag in capitals', () => {
    expect(checkHashtagCase('#SUMMERFUN')[0].fix).toMatchObject({ text: '#SummerFun' });
  });
});

describe('A11Y emoji runs, capitals and "click here"', () => {
  it('warns about three or more emoji in a row, counting skin tones and joined emoji as one', () => {
    const text = 'Pool party 🏊‍♀️🌞👍🏽 Saturday 🎉🎉';
    const [f, ...rest] = checkTextAccessibility(text, []);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'emoji-run', severity: 'warning' });
    expect(text.slice(f.range!.start, f.range!.end).trim()).toBe('🏊‍♀️🌞👍🏽');
  });

  it('warns about words in capitals with a fix, but not short acronyms, hashtags or links', () => {
    const text = 'FREE SWIM at the pool this SATURDAY. ADA info: HTTPS://WWW.CITYOFMADISON.COM #MADISON';
    const masked = [{ start: text.indexOf('HTTPS'), end: text.indexOf(' #MADISON') }];
    const findings = checkTextAccessibility(text, masked);
    expect(findings.map((f) => text.slice(f.range!.start, f.range!.end))).toEqual(['FREE SWIM', 'SATURDAY']);
    expect(findings.map((f) => f.fix && f.fix.kind === 'replace' && f.fix.text)).toEqual(['Free swim', 'Saturday']);
  });

  it('warns about link text that does not say where it goes', () => {
    const findings = checkTextAccessibility('Click here to register, or tap the link below.', []);
    expect(findings.map((f) => f.code)).toEqual(['click-here', 'click-here']);
    expect(checkTextAccessibility('Register for swim lessons at cityofmadison.com/swim', [])).toEqual([]);
  });
});

describe('A11Y reading grade 8 or below', () => {
  const plain = 'The pool opens on Saturday. Bring a towel and sunscreen. Kids under ten need an adult with them. See you there, and have fun in the sun!';
  const dense =
    'Pursuant to the comprehensive reorganization of departmental responsibilities, the municipal administration anticipates substantial modifications regarding the implementation of recreational programming and associated infrastructure investments.';

  it('passes plain language and warns about dense text, with the score', () => {
    expect(checkReadability(plain, [])).toEqual([]);
    const [f] = checkReadability(dense, []);
    const grade = readingGrade(dense)!.grade;
    expect(grade).toBeGreaterThan(8);
    expect(f).toMatchObject({ rule: 'A11Y', code: 'reading-grade', severity: 'warning' });
    expect(f.message).toContain(`grade ${grade.toFixed(1)}`);
  });

  it('counts a line break as the end of a sentence, since posts often leave out the full stop', () => {
    const lines = ['Free swim lessons for kids this summer', 'Classes at Goodman and Warner pools', 'Sign up online or at any community center', 'Bring a towel and a smile'];
    const asLines = readingGrade(lines.join('\n'))!.grade;
    expect(asLines).toBeLessThan(readingGrade(lines.join(' '))!.grade);
    expect(asLines).toBe(readingGrade(lines.join('.\n') + '.')!.grade);
  });

  it('does not score text too short to judge, and leaves out what the author cannot simplify', () => {
    expect(readingGrade('Pools open Saturday!')).toBeNull();
    const withLinks = `${plain} https://www.cityofmadison.com/parks/recreational-programming-infrastructure #ComprehensiveReorganization`;
    const link = withLinks.indexOf('https');
    const skip = [{ start: link, end: withLinks.indexOf(' #') }];
    expect(readingGrade(withLinks, skip)).toEqual(readingGrade(plain));
  });
});
