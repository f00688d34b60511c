import type { CreateBranchInput } from '../src/modules/network/index.js';
import type { CreateStaffMemberInput } from '../src/modules/staff/index.js';
import type { CreateCompetitionInput } from '../src/modules/achievements/index.js';
import type { CreateCampaignInput, CreateEventInput, CreatePartnerInput } from '../src/modules/events/index.js';
import type { Client } from './app.js';

let sequence = 0;
const next = () => ++sequence;

/** A valid new branch; override what the test is about. */
export function branchInput(overrides: Partial<CreateBranchInput> = {}): CreateBranchInput {
  const n = next();
  return {
    code: `B${n}`,
    name: `Тестовая сельская библиотека ${n}`,
    type: 'rural',
    isPublicAccessCentre: false,
    isModel: false,
    openedOn: '2000-01-01',
    basisKind: '',
    basis: '',
    ...overrides,
  };
}

/** A valid new staff member of the given branch. */
export function staffMemberInput(branchId: number, overrides: Partial<CreateStaffMemberInput> = {}): CreateStaffMemberInput {
  const n = next();
  return {
    branchId,
    lastName: `Иванова${n}`,
    firstName: 'Мария',
    middleName: 'Петровна',
    position: 'Библиотекарь',
    employment: 'staff',
    education: 'higher',
    hasLibraryEducation: true,
    hiredOn: '2015-09-01',
    birthDate: '1980-05-12',
    ...overrides,
  };
}

/** Gives the network the default forms and directions of events; returns their ids by code. */
export async function eventDictionaries(admin: Client): Promise<{ forms: Record<string, number>; directions: Record<string, number> }> {
  const { forms, directions } = (await admin.post('/api/event-dictionaries/defaults')).json() as Record<'forms' | 'directions', { id: number; code: string }[]>;
  const byCode = (entries: { id: number; code: string }[]) => Object.fromEntries(entries.map((entry) => [entry.code, entry.id]));
  return { forms: byCode(forms), directions: byCode(directions) };
}

/** A valid new event on 15 March 2023, attendance not yet recorded, of the given branches, form and directions. */
export function eventInput(
  refs: { branchIds: number[]; formId: number; directionIds: number[] },
  overrides: Partial<CreateEventInput> = {},
): CreateEventInput {
  return {
    title: `Мероприятие ${next()}`,
    startsOn: '2023-03-15',
    placeKind: 'library',
    audience: 'general',
    admission: 'free',
    partnerIds: [],
    ...refs,
    ...overrides,
  };
}

/** A valid new partner organisation. */
export function partnerInput(overrides: Partial<CreatePartnerInput> = {}): CreatePartnerInput {
  return { name: `МБОУ «Тестовая СОШ № ${next()}»`, kind: 'school', ...overrides };
}

/** A valid new national campaign of 2023. */
export function campaignInput(overrides: Partial<CreateCampaignInput> = {}): CreateCampaignInput {
  return { name: `Акция ${next()}`, kind: 'campaign', year: 2023, level: 'national', ...overrides };
}

/** A valid new regional competition of 2023 without nominations. */
export function competitionInput(overrides: Partial<CreateCompetitionInput> = {}): CreateCompetitionInput {
  return { name: `Конкурс ${next()}`, year: 2023, level: 'regional', ...overrides };
}
