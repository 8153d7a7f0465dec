import { matchesQuery, ZRecordsQuery, type Facets } from '../../src/records/query';
import { endOfDay, startOfDay, canReadRecords } from '../../src/domain/records-access';
import { neutraliseFormula, csvHeader, csvRows } from '../../src/records/export/csv';

const facets = (over: Partial<Facets> = {}): Facets => ({ at: new Date('2026-03-10T12:00:00Z'), presenceIds: ['p1'], departmentIds: ['parks'], personIds: ['pat', 'ivy'], ...over });

describe('REC-2 records search: filters only ever narrow', () => {
  it('matches everything with no filter, and each filter on its own facet', () => {
    expect(matchesQuery({}, facets())).toBe(true);
    expect(matchesQuery({ presenceIds: ['p1'] }, facets())).toBe(true);
    expect(matchesQuery({ presenceIds: ['p2'] }, facets())).toBe(false);
    expect(matchesQuery({ departmentIds: ['library', 'parks'] }, facets())).toBe(true);
    expect(matchesQuery({ personIds: ['ivy'] }, facets())).toBe(true);
    expect(matchesQuery({ personIds: ['sam'] }, facets())).toBe(false);
  });

  it('a words search matches the words in any case in one of the record\'s texts, and never a record without text', () => {
    const post = facets({ texts: ['Goodman Pool opens Saturday', null] });
    expect(matchesQuery({ words: 'goodman POOL' }, post)).toBe(true);
    expect(matchesQuery({ words: 'Goodman Park' }, post)).toBe(false);
    expect(matchesQuery({ words: 'pool' }, facets())).toBe(false);
    expect(matchesQuery({ words: 'pool', departmentIds: ['library'] }, post)).toBe(false);
    expect(ZRecordsQuery.safeParse({ words: 'x'.repeat(201) }).success).toBe(false);
  });

  it('a record with no department never matches a department filter', () => {
    expect(matchesQuery({ departmentIds: ['parks'] }, facets({ departmentIds: [undefined, null] }))).toBe(false);
  });

  it('a date range matches a record made or changed within it', () => {
    const r = facets({ at: new Date('2026-01-05T00:00:00Z'), until: new Date('2026-04-01T00:00:00Z') });
    expect(matchesQuery({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' }, r)).toBe(true);
    expect(matchesQuery({ from: '2026-04-02T00:00:00.000Z' }, r)).toBe(false);
    expect(matchesQuery({ to: '2026-01-04T23:59:59.999Z' }, r)).toBe(false);
  });

  it('adding any filter to a query never matches more', () => {
    const records = ['p1', 'p2'].flatMap((p) => ['parks', 'library'].flatMap((d) => ['pat', 'sam'].map((who, i) => facets({ presenceIds: [p], departmentIds: [d], personIds: [who], at: new Date(Date.UTC(2026, i * 3, 1)) }))));
    const base = { departmentIds: ['parks'] };
    const narrower = { ...base, personIds: ['pat'], from: '2026-02-01T00:00:00.000Z' };
    const a = records.filter((r) => matchesQuery(base, r));
    const b = records.filter((r) => matchesQuery(narrower, r));
    expect(b.length).toBeLessThan(a.length);
    expect(b.every((r) => a.includes(r))).toBe(true);
  });

  it('refuses a range whose start is after its end, and unknown fields', () => {
    expect(ZRecordsQuery.safeParse({ from: '2026-05-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }).success).toBe(false);
    expect(ZRecordsQuery.safeParse({ everything: true }).success).toBe(false);
  });

  it('reads calendar days in the City time zone (CST is UTC-6, CDT UTC-5)', () => {
    expect(startOfDay('2026-01-15', 'America/Chicago').toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(endOfDay('2026-07-04', 'America/Chicago').toISOString()).toBe('2026-07-05T04:59:59.999Z');
  });

  it('lets records custodians and admins in, nobody else', () => {
    expect(canReadRecords({ roles: [{ role: 'records_custodian' }] })).toBe(true);
    expect(canReadRecords({ roles: [{ role: 'admin' }] })).toBe(true);
    expect(canReadRecords({ roles: [{ role: 'it_director' }, { role: 'department_head', departmentId: 'parks' }] })).toBe(false);
  });
});

describe('Excel-safe CSV', () => {
  it('neutralises formula starts and leaves other text alone', () => {
    for (const s of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['Pat', '1-2', 'a=b', '']) expect(neutraliseFormula(s)).toBe(s);
  });

  it('writes the BOM once, in the header, and numbers as numbers', () => {
    expect(csvHeader(['a', 'b'])).toBe('\uFEFFa,b\n');
    expect(csvRows(['a', 'b'], [{ a: -3, b: '=cmd|x' }, { a: true, b: null }])).toBe("-3,'=cmd|x\ntrue,\n");
  });
});
