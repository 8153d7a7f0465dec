import { ownLabel } from '../../domain/own-keys';
import { CRITERION_LABELS, PLATFORM_LABELS, STEP_TITLES, type DraftAnswers } from '../../domain/presence-answers';

export interface Lookups {
  departmentName(id: string | undefined): string | undefined;
  personName(id: string | undefined): string | undefined;
}

export interface Section {
  step: number;
  title: string;
  facts: Array<[string, string | undefined]>;
}

function platformOf(d: DraftAnswers): string | undefined {
  if (!d.platform) return undefined;
  return d.platform === 'other' ? `Other: ${d.platformOther ?? '(not named)'}` : ownLabel(PLATFORM_LABELS, d.platform);
}

function dmOf(d: DraftAnswers): string | undefined {
  if (!d.hasDirectMessages) return undefined;
  if (d.hasDirectMessages === 'no') return 'The platform has no direct messages';
  if (d.dmHandling === 'disable') return 'Has direct messages: they will be turned off';
  if (d.dmHandling === 'archive') return `Has direct messages: archived (${d.dmArchive ?? 'how not said'})`;
  return 'Has direct messages: handling not chosen';
}

/** The request as FactSet sections, one per step, for the summary, the review cards and the registry. */
export function describeRequest(d: DraftAnswers, look: Lookups): Section[] {
  const yes = (v: string | undefined) => (v === 'true' ? 'Yes' : v === undefined ? undefined : 'Not confirmed');
  return [
    { step: 1, title: STEP_TITLES[0], facts: [['Department', look.departmentName(d.departmentId)], ['Platform', platformOf(d)], ['Account', d.handle], ['Use', d.criterion ? ownLabel(CRITERION_LABELS, d.criterion) : undefined]] },
    { step: 2, title: STEP_TITLES[1], facts: [['Purpose', d.purpose], ['Benefits', d.benefits], ['Links to', d.cityWebPage]] },
    {
      step: 3,
      title: STEP_TITLES[2],
      facts: [
        ['Responsible', [d.staffName, d.staffTitle].filter(Boolean).join(', ') || undefined],
        ['Contact', d.staffContact],
        ['Approving authority', look.personName(d.approverId)],
        ['Spokespersons', d.spokespersonIds?.split(',').map((id) => look.personName(id.trim()) ?? 'unknown').join(', ')],
      ],
    },
    { step: 4, title: STEP_TITLES[3], facts: [['Data kept in', d.dataLocation], ['Direct messages', dmOf(d)]] },
    { step: 5, title: STEP_TITLES[4], facts: [['Registered to a City address, not a personal account', yes(d.attestCityAccount)], ["Will carry the City's notice to users", yes(d.attestNotice)]] },
  ];
}
