import { z } from 'zod';
import { hostOf } from './normalize-input';

/**
 * What a presence request asks (REQ-1, the REG-1 record, REG-3..REG-5), split into the steps of the guided flow.
 * Pure: the card builders take input ids and choices from here, and the handlers validate with the same schemas.
 */
export const PLATFORMS = ['facebook', 'instagram', 'x', 'youtube', 'linkedin', 'nextdoor', 'tiktok', 'other'] as const;
export const PLATFORM_LABELS: Record<(typeof PLATFORMS)[number], string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X (Twitter)',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  nextdoor: 'Nextdoor',
  tiktok: 'TikTok',
  other: 'Other',
};

/** The policy's three criteria for using social media ("The Role of Departments" 1-3). */
export const CRITERIA = ['time_sensitive', 'marketing', 'feedback'] as const;
export const CRITERION_LABELS: Record<(typeof CRITERIA)[number], string> = {
  time_sensitive: 'Time-sensitive information in real time (meetings, events, open houses)',
  marketing: 'Marketing to a demographic that favours this platform',
  feedback: 'Soliciting feedback from the largest audience on a proposal or plan',
};

export const DM_HANDLING = ['disable', 'archive'] as const;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const required = (message: string, max = 200) => z.preprocess(blank, z.string({ error: message }).trim().min(1, message).max(max, `Keep this under ${max} characters`));
const toggle = (message: string) => z.preprocess((v) => v === true || v === 'true', z.literal(true, { error: message }));
/** Input.ChoiceSet with isMultiSelect sends "a,b,c". */
const multi = (message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(z.string().uuid()).min(1, message).max(10, 'Choose at most ten'));

export function cityPage(domains: readonly string[]) {
  return z.preprocess(
    blank,
    z
      .string({ error: 'Enter the City web page this account will link to' })
      .trim()
      .max(300, 'Keep the address under 300 characters')
      .url('Enter a full address, like https://www.cityofmadison.com/parks')
      .refine((u) => u.startsWith('https://'), 'Use an https:// address')
      .refine((u) => {
        // Checks run on after .url() fails too: an address that is not one must not throw here.
        const host = hostOf(u);
        return host !== undefined && domains.some((d) => host === d || host.endsWith(`.${d}`));
      }, `Use a page on ${domains.join(' or ')}, like https://www.${domains[0]}/parks. Every City account links back to the City's website.`),
  );
}

/** Cross-field rules run even when another field failed, so a card lists every problem at once. */
const ALWAYS = { when: () => true };

/**
 * `departments`: the City's department ids, when the caller has read them (REG-3: only the City's departments,
 * divisions, agencies and their boards and commissions hold presences; the card's value is never trusted).
 *
 * Building these schemas costs more than a click's whole database work (seen in a CPU profile of Save draft), and
 * they depend only on the configured City domains and the department list: built once per pair.
 */
const built = new Map<string, ReturnType<typeof buildStepSchemas>>();

export function stepSchemas(domains: readonly string[], departments?: ReadonlySet<string>) {
  const key = `${domains.join('\n')}\u0000${departments ? [...departments].sort().join('\n') : '*'}`;
  let schemas = built.get(key);
  if (!schemas) {
    if (built.size >= 32) built.clear(); // departments change rarely; never let old lists pile up
    built.set(key, (schemas = buildStepSchemas(domains, departments)));
  }
  return schemas;
}

function buildStepSchemas(domains: readonly string[], departments?: ReadonlySet<string>) {
  const account = z
    .object({
      departmentId: required('Choose the department or division that will hold the account', 64).refine(
        (id) => !departments || departments.has(id),
        "Choose one of the City's departments from the list: only City departments, divisions and their boards and commissions hold accounts.",
      ),
      platform: z.preprocess(blank, z.enum(PLATFORMS, { error: 'Choose the platform' })),
      platformOther: z.preprocess(blank, z.string().trim().max(80).optional()),
      handle: required('Enter the account name or handle, like @MadisonParks', 100),
      criterion: z.preprocess(blank, z.enum(CRITERIA, { error: 'Choose which of the policy\'s three uses this account serves' })),
    })
    .superRefine((v, ctx) => {
      if (v.platform === 'other' && !v.platformOther) ctx.addIssue({ code: 'custom', path: ['platformOther'], message: 'Name the platform' });
    }, ALWAYS);
  const purpose = z.object({
    purpose: required('Say what the account is for', 1000).refine((s) => s.length >= 20, 'Say a little more: at least a sentence (20 characters)'),
    benefits: required('Say how the public or the City benefits', 1000).refine((s) => s.length >= 20, 'Say a little more: at least a sentence (20 characters)'),
    cityWebPage: cityPage(domains),
  });
  const people = z.object({
    staffName: required('Enter the name of the staff member responsible', 100),
    staffTitle: required('Enter their job title', 100),
    staffContact: required('Enter an email or phone number', 120).refine((s) => /@|\d{3}.*\d{4}/.test(s), 'Enter an email address or a phone number'),
    approverId: z.preprocess(blank, z.string({ error: 'Choose the approving authority' }).uuid('Choose the approving authority from the list')),
    spokespersonIds: multi('Choose at least one spokesperson'),
  });
  const records = z
    .object({
      dataLocation: required('Say where the account\'s content and data will be kept', 300),
      hasDirectMessages: z.preprocess(blank, z.enum(['yes', 'no'], { error: 'Say whether the platform has direct messages or chat' })),
      dmHandling: z.preprocess(blank, z.enum(DM_HANDLING).optional()),
      dmArchive: z.preprocess(blank, z.string().trim().max(300).optional()),
    })
    .superRefine((v, ctx) => {
      if (v.hasDirectMessages === 'yes' && !v.dmHandling) ctx.addIssue({ code: 'custom', path: ['dmHandling'], message: 'Choose whether direct messages will be turned off or archived' });
      if (v.hasDirectMessages === 'yes' && v.dmHandling === 'archive' && !v.dmArchive) ctx.addIssue({ code: 'custom', path: ['dmArchive'], message: 'Say how the messages will be archived' });
    }, ALWAYS);
  const attest = z.object({
    attestCityAccount: toggle('Confirm the account is registered to a City address'),
    attestNotice: toggle('Confirm the account will carry the City\'s notice to users'),
  });
  return [account, purpose, people, records, attest] as const;
}

export const STEP_TITLES = ['Account', 'Purpose', 'People', 'Records and messages', 'Commitments'] as const;
export const STEP_COUNT = STEP_TITLES.length;

export type StepSchemas = ReturnType<typeof stepSchemas>;
export type Answers = z.infer<StepSchemas[0]> & z.infer<StepSchemas[1]> & z.infer<StepSchemas[2]> & z.infer<StepSchemas[3]> & z.infer<StepSchemas[4]>;
/** A draft: whatever the person has typed so far, as strings. */
export type DraftAnswers = Partial<Record<keyof Answers, string>>;

export const ZDraftAnswers = z.record(z.string(), z.string()).transform((r) => r as DraftAnswers);

/** Input ids per step, taken from the schemas so cards and validation cannot drift apart. */
export function stepFields(schemas: StepSchemas, step: number): string[] {
  // zod 4 keeps an object schema's shape through superRefine.
  return Object.keys(schemas[step - 1].shape);
}

export type StepCheck = { ok: true } | { ok: false; step: number; errors: Record<string, string> };

export function checkStep(schemas: StepSchemas, step: number, draft: DraftAnswers): StepCheck {
  const r = schemas[step - 1].safeParse(draft);
  if (r.success) return { ok: true };
  const errors: Record<string, string> = {};
  for (const i of r.error.issues) errors[String(i.path[0] ?? '_form')] ??= i.message;
  return { ok: false, step, errors };
}

/** The whole request, or the first step that still needs work. */
export function checkAll(schemas: StepSchemas, draft: DraftAnswers): { ok: true; answers: Answers } | { ok: false; step: number; errors: Record<string, string> } {
  for (let step = 1; step <= STEP_COUNT; step++) {
    const c = checkStep(schemas, step, draft);
    if (!c.ok) return c;
  }
  const answers = Object.assign({}, ...schemas.map((s) => s.parse(draft))) as Answers;
  return { ok: true, answers };
}
