import { checkSafety } from '../../../src/domain/posts/safety';
import { CITY } from './fixtures';

const codes = (text: string) => checkSafety(text, CITY).map((f) => f.code);
const flagged = (text: string) => checkSafety(text, CITY).map((f) => text.slice(f.range!.start, f.range!.end));

describe('POST-5 content that could compromise safety is flagged for the approver', () => {
  it('flags, never blocks, and tells the approver a reason is needed', () => {
    const [f] = checkSafety('Call Jamie at 608-555-0142 for the key.', CITY);
    expect(f).toMatchObject({ rule: 'POST-5', code: 'phone-number', severity: 'flag' });
    expect(f.message).toMatch(/reason to approve/);
  });

  it.each(['608-555-0142', '(608) 555-0142', '608.555.0142', '+1 608 555 0142', '1-608-555-0142'])('flags the phone number %p', (phone) => {
    expect(flagged(`Text ${phone} today`)).toEqual([phone]);
  });

  it('leaves dates, times, years and ticket numbers alone', () => {
    expect(codes('On 6/14/2026 from 10:00-12:00, ticket 12345678, room 2024.')).toEqual([]);
  });

  it('flags e-mail addresses outside the City, but not City addresses', () => {
    expect(flagged('Questions? parks@cityofmadison.com or pat.smith1987@gmail.com')).toEqual(['pat.smith1987@gmail.com']);
    expect(codes('Write to clerk@mail.cityofmadison.com')).toEqual([]);
  });

  it('flags a street address said to be someone\'s home, not a public place', () => {
    expect(flagged('The lost dog lives at 1234 Elm Street with its owner.')).toEqual(['1234 Elm Street']);
    expect(codes('Concert at 210 Martin Luther King Jr Blvd on Friday.')).toEqual([]);
  });

  it('flags door, gate and alarm codes', () => {
    expect(flagged('Volunteers: the gate code is 4471, the alarm PIN is on the sheet.')).toEqual(['gate code', 'alarm PIN']);
  });

  it('flags staffing and patrol schedules and when a building is unattended', () => {
    expect(codes('Patrol schedule for the beach changes Monday.')).toEqual(['staffing-schedule']);
    expect(codes('The shelter is unstaffed between 2 and 6 am.')).toEqual(['staffing-schedule']);
    expect(codes('Shift change at 11 pm at the Goodman Pool gate.')).toEqual(['staffing-schedule']);
  });

  it('flags a child named together with a place, not a child or a place alone', () => {
    expect(codes('Congratulations to our camper Emma, who swims at Goodman Pool every morning!')).toEqual(['child-and-place']);
    expect(codes('Jake, 7, attends Lincoln Elementary.')).toEqual(['child-and-place']);
    expect(codes('Kids swim free at Goodman Pool on Sunday!')).toEqual([]);
    expect(codes('Our camper Emma won the art prize!')).toEqual([]);
  });

  it('reports every hit in text order and survives unicode, emoji and prototype words', () => {
    const text = '🚨 __proto__ constructor: gate code 12 — call 608-555-0142 😀 or jo@example.org';
    expect(codes(text)).toEqual(['access-code', 'phone-number', 'email-address']);
    expect(codes('')).toEqual([]);
  });
});
