/**
 * Answers with every field at its maximum length (the caps in src/domain/presence-answers.ts and policy-points.ts),
 * in words that wrap like real sentences, so the cards are measured at their tallest.
 */
import { MAX_DETAIL_LENGTH, MAX_POINT_LENGTH, POLICY_POINTS } from '../../src/domain/policy-points';

/** Sentence-like text of exactly `n` characters. */
export function words(n: number, seed = 'Parks staff check every post against the City policy before it goes out. '): string {
  return seed.repeat(Math.ceil(n / seed.length)).slice(0, n).replace(/\s$/, '.');
}

export const MAX_REASON = words(1000, 'The handle reads as a personal account and the notice to users is missing from the profile. ');

export function maxLengthRequest(ordinary: Record<number, Record<string, string>>): Record<number, Record<string, string>> {
  return {
    1: { ...ordinary[1], platform: 'other', platformOther: words(80, 'Neighborhood video sharing platform '), handle: `@${'MadisonParksAndForestryVolunteers'.repeat(4)}`.slice(0, 100) },
    2: { purpose: words(1000), benefits: words(1000, 'Families who never visit the website hear about closures and volunteer days the same morning. '), cityWebPage: `https://www.cityofmadison.com/parks/${'volunteer-days-and-closures/'.repeat(6)}` },
    3: { ...ordinary[3], staffName: words(100, 'Patricia Alexandra Parker-Montgomery '), staffTitle: words(100, 'Senior Community Outreach and Engagement Coordinator '), staffContact: `${'patricia.parker.montgomery.'.repeat(4)}`.slice(0, 100) + '@cityofmadison.com' },
    4: { dataLocation: words(300, 'Parks shared drive, monthly export, kept seven years '), hasDirectMessages: 'yes', dmHandling: 'archive', dmArchive: words(300, 'Archived daily by the City archiving service ') },
    5: ordinary[5],
  };
}

export function maxLengthPolicy(): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const p of POLICY_POINTS) answers[p.id] = words(MAX_POINT_LENGTH, `Parks: ${p.example} `);
  return { ...answers, personalUse: 'limited', personalUseDetail: words(MAX_DETAIL_LENGTH, 'Personal use only during breaks, on personal devices. ') };
}
